import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitParents, provesFastForward, readPack, referencedObjects } from './pack-reader';

// Packs made by git itself, so the reader is checked against the real format.
const dir = mkdtempSync(path.join(tmpdir(), 'local-gitlab-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gitIn = (args: string[], input?: string) =>
  execFileSync('git', args, {
    cwd: dir,
    input,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.test',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.test',
    },
  });
const text = (args: string[], input?: string) => gitIn(args, input).toString('utf8').trim();

gitIn(['init', '-q', '-b', 'main']);
const commits: string[] = [];
for (let index = 0; index < 3; index += 1) {
  writeFileSync(path.join(dir, 'big.txt'), `line\n`.repeat(200) + `change ${index}\n`);
  gitIn(['add', '.']);
  gitIn(['commit', '-q', '-m', `c${index}`]);
  commits.push(text(['rev-parse', 'HEAD']));
}
const [first = '', second = '', third = ''] = commits;

describe('reading a pack', () => {
  it('when git packs whole objects, then every object is read with its id and references', () => {
    const pack = gitIn(
      ['pack-objects', '--stdout', '--depth=0', '--revs'],
      `${third}\n^${first}\n`,
    );
    const contents = readPack(pack);
    expect(contents).toMatchObject({ complete: true, deltas: 0 });
    const commit = contents.objects.get(third);
    expect(commit?.type).toBe('commit');
    expect(commitParents(commit!.data)).toEqual([second]);
    expect(referencedObjects(commit!)).toEqual([text(['rev-parse', `${third}^{tree}`]), second]);
    expect(provesFastForward(contents, first, third)).toBe(true);
    expect(provesFastForward(contents, third, first)).toBe(false);
  });

  it('when the pack has deltas, then they are counted and the whole objects still read', () => {
    const pack = gitIn(['pack-objects', '--stdout', '--revs'], `${third}\n`);
    const contents = readPack(pack);
    expect(contents.complete).toBe(true);
    expect(contents.deltas).toBeGreaterThan(0);
    expect(contents.objects.size + contents.deltas).toBe(pack.readUInt32BE(8));
  });

  it('when the pack is cut short, then it is not complete', () => {
    const pack = gitIn(['pack-objects', '--stdout', '--revs'], `${third}\n`);
    expect(readPack(pack.subarray(0, pack.length - 30)).complete).toBe(false);
  });
});
