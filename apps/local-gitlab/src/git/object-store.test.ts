import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ObjectStore } from './object-store';
import { objectId } from './pack-reader';

const dir = mkdtempSync(path.join(tmpdir(), 'local-gitlab-objects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gitIn = (args: string[], input?: string) =>
  execFileSync('git', ['-C', dir, ...args], { input, encoding: 'utf8' }).trim();

describe('the object store of a bare repository', () => {
  gitIn(['init', '-q', '--bare']);
  const store = new ObjectStore(dir);
  const blob = (text: string) => {
    const data = Buffer.from(text);
    return { type: 'blob' as const, oid: objectId('blob', data), data };
  };

  it('when objects are loose or packed, then each is found, and an unknown one is not', () => {
    // Enough objects that each first byte of the index's fan-out table has several.
    const packed = Array.from({ length: 800 }, (_, index) => blob(`packed ${index}\n`));
    for (const object of packed) store.write(object);
    gitIn(
      ['pack-objects', '-q', path.join(dir, 'objects', 'pack', 'pack')],
      packed.map((object) => object.oid).join('\n'),
    );
    gitIn(['prune-packed']);
    expect(gitIn(['count-objects'])).toMatch(/^0 objects/);
    expect(packed.filter((object) => !store.has(object.oid))).toEqual([]);
    const absent = Array.from({ length: 300 }, (_, index) => blob(`absent ${index}\n`).oid);
    expect(absent.filter((oid) => store.has(oid))).toEqual([]);
    expect([store.has('0'.repeat(40)), store.has('f'.repeat(40))]).toEqual([false, false]);
    const loose = gitIn(['hash-object', '-w', '--stdin'], 'loose\n');
    expect(store.has(loose)).toBe(true);
  });

  it('when an object is written, then git reads it, and writing it again is harmless', () => {
    const object = blob('written by the store\n');
    store.write(object);
    store.write(object);
    expect(gitIn(['cat-file', '-p', object.oid])).toBe('written by the store');
    expect(gitIn(['fsck', '--strict', '--no-dangling', '--no-progress'])).toBe('');
  });
});
