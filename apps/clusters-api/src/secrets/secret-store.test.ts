import { randomBytes } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  mkdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/helpers/git-fixtures';
import { SecretStore } from './secret-store';
import { loadSecretsKey, SECRETS_KEY_FILE } from './secrets-key';

const location = { mount: 'cluster', path: 'kubernetes/cluster-host/default/admin' };
const KUBECONFIG =
  'apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user: {token: very-secret-token}\n';

describe('SecretStore', () => {
  let root: string;
  let store: SecretStore;

  beforeEach(() => {
    root = makeTempDir();
    store = new SecretStore(path.join(root, 'secrets'), randomBytes(32));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('when a secret is put, then it reads back and is stored encrypted at its logical path with mode 0600', async () => {
    await store.put(location, { kubeconfig: KUBECONFIG });

    expect(await store.get(location)).toEqual({ kubeconfig: KUBECONFIG });
    const file = path.join(
      root,
      'secrets/cluster/kubernetes/cluster-host/default/admin.secret.json',
    );
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('very-secret-token');
    expect(raw).not.toContain(Buffer.from(KUBECONFIG).toString('base64').slice(0, 20));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('when read with another key, then decryption fails', async () => {
    await store.put(location, { kubeconfig: KUBECONFIG });
    const other = new SecretStore(path.join(root, 'secrets'), randomBytes(32));
    await expect(other.get(location)).rejects.toThrow();
  });

  it('when a file is moved to another logical path, then it does not decrypt there', async () => {
    await store.put(location, { kubeconfig: KUBECONFIG });
    const moved = { mount: 'cluster', path: 'kubernetes/other/default/admin' };
    const from = path.join(
      root,
      'secrets/cluster/kubernetes/cluster-host/default/admin.secret.json',
    );
    const to = path.join(root, 'secrets/cluster/kubernetes/other/default/admin.secret.json');
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
    await expect(store.get(moved)).rejects.toThrow();
  });

  it('when deleted, then the file and its now empty directories are gone', async () => {
    await store.put(location, { kubeconfig: KUBECONFIG });
    await store.delete(location);
    expect(await store.get(location)).toBeUndefined();
    expect(readdirSync(path.join(root, 'secrets'))).toEqual([]);
  });

  it('when restored from a snapshot, then the bytes are exactly the earlier ones', async () => {
    await store.put(location, { kubeconfig: 'one' });
    const snapshot = await store.snapshot(location);
    await store.put(location, { kubeconfig: 'two' });
    await store.restore(location, snapshot);
    expect(await store.snapshot(location)).toEqual(snapshot);

    const none = await store.snapshot({ mount: 'cluster', path: 'kubernetes/none/default/admin' });
    await store.put(
      { mount: 'cluster', path: 'kubernetes/none/default/admin' },
      { kubeconfig: 'x' },
    );
    await store.restore({ mount: 'cluster', path: 'kubernetes/none/default/admin' }, none);
    expect(existsSync(path.join(root, 'secrets/cluster/kubernetes/none'))).toBe(false);
  });

  it('when a location tries to escape the store, then it is refused', async () => {
    await expect(store.put({ mount: 'cluster', path: '../../etc/x' }, { a: 'b' })).rejects.toThrow(
      'invalid secret location',
    );
  });
});

describe('loadSecretsKey', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('when no key is configured, then one is generated once with mode 0600 and reused', async () => {
    const first = await loadSecretsKey(root, undefined);
    const second = await loadSecretsKey(root, undefined);
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(statSync(path.join(root, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('when a key is configured, then it is used and nothing is written', async () => {
    const key = randomBytes(32);
    expect((await loadSecretsKey(root, key)).equals(key)).toBe(true);
    expect(existsSync(path.join(root, SECRETS_KEY_FILE))).toBe(false);
  });
});
