import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/helpers/git-fixtures';
import { JournaledSecretStore } from './journaled-secret-store';
import type { SecretLocation } from './secret-store';

const location: SecretLocation = { mount: 'cluster', path: 'kubernetes/c1/default/admin' };
const logger = pino({ level: 'silent' });

describe('JournaledSecretStore', () => {
  let root: string;
  let key: Buffer;
  /** What the secret belongs to, as the journal sees it (its cluster in the tenant repository, in the service). */
  let owner: string;

  /** A store as one process life sees it; a "crash" is simply opening a new one. */
  const open = () =>
    new JournaledSecretStore(path.join(root, 'secrets'), key, {
      dir: path.join(root, 'journal'),
      stateOf: () => Promise.resolve(owner),
      logger,
    });

  beforeEach(() => {
    root = makeTempDir();
    key = randomBytes(32);
    owner = 'v1';
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('when a new secret was written and the process died before its change landed, then recovery removes it', async () => {
    await open().snapshot(location);
    await open().put(location, { kubeconfig: 'new' });

    const report = await open().recover();
    expect(report).toEqual({ undone: [location.path], kept: [] });
    expect(await open().get(location)).toBeUndefined();
    expect(readdirSync(path.join(root, 'secrets'))).toEqual([]);
  });

  it('when an update or a delete did not land before the crash, then recovery puts the old secret back', async () => {
    const before = open();
    await before.put(location, { kubeconfig: 'old' });
    const crashed = open();
    await crashed.snapshot(location);
    await crashed.put(location, { kubeconfig: 'new' });
    expect((await open().recover()).undone).toEqual([location.path]);
    expect(await open().get(location)).toEqual({ kubeconfig: 'old' });

    const deleting = open();
    await deleting.snapshot(location);
    await deleting.delete(location);
    await open().recover();
    expect(await open().get(location)).toEqual({ kubeconfig: 'old' });
  });

  it('when the owner changed before the crash (the change landed), then recovery keeps the new secret', async () => {
    const crashed = open();
    await crashed.snapshot(location);
    await crashed.put(location, { kubeconfig: 'new' });
    owner = 'v2';
    expect(await open().recover()).toEqual({ undone: [], kept: [location.path] });
    expect(await open().get(location)).toEqual({ kubeconfig: 'new' });
  });

  it('when a change settles or is rolled back, then nothing is left to recover', async () => {
    const store = open();
    await store.snapshot(location);
    await store.put(location, { kubeconfig: 'new' });
    await store.settle(location, store.openEntry(location));
    const snapshot = await store.snapshot(location);
    await store.put(location, { kubeconfig: 'newer' });
    await store.restore(location, snapshot);
    expect(readdirSync(path.join(root, 'journal'))).toEqual([]);
    expect(await open().recover()).toEqual({ undone: [], kept: [] });
    expect(await open().get(location)).toEqual({ kubeconfig: 'new' });
  });

  it('when an older change settles late, then the newer change keeps its journal entry', async () => {
    const store = open();
    await store.snapshot(location);
    const first = store.openEntry(location);
    await store.put(location, { kubeconfig: 'one' });
    await store.snapshot(location);
    await store.put(location, { kubeconfig: 'two' });
    await store.settle(location, first);
    expect(readdirSync(path.join(root, 'journal'))).toHaveLength(1);
    await open().recover();
    expect(await open().get(location)).toEqual({ kubeconfig: 'one' });
  });

  it('when a write was cut short, then recovery removes its temporary file', async () => {
    const store = open();
    await store.snapshot(location);
    await store.put(location, { kubeconfig: 'new' });
    const dir = path.join(root, 'secrets/cluster/kubernetes/c1/default');
    writeFileSync(path.join(dir, '.admin.secret.json.tmp-0123456789ab'), '{"v":1,"al');
    writeFileSync(path.join(root, 'journal', '.abc.json.tmp-0123456789ab'), '{');
    await open().recover();
    expect(existsSync(path.join(root, 'secrets/cluster'))).toBe(false);
    expect(readdirSync(path.join(root, 'journal'))).toEqual([]);
  });
});
