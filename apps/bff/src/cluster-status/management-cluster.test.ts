import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManagementCluster, ManagementClusterError } from './management-cluster';

const dir = mkdtempSync(path.join(os.tmpdir(), 'management-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: mgmt
  cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}
users:
- name: reader
  user: {token: secret-token-value}
contexts:
- name: mgmt
  context: {cluster: mgmt, user: reader}
current-context: mgmt
`;

describe('loadManagementCluster', () => {
  it('when the kubeconfig names a current cluster, then it is loaded from that file', async () => {
    const loaded = await loadManagementCluster({
      kind: 'kubeconfig',
      path: file('ok', KUBECONFIG),
    });
    expect(loaded.server).toBe('https://127.0.0.1:6443');
    expect(loaded.kubeConfig.getCurrentUser()?.name).toBe('reader');
  });

  it.each([
    [
      'no current-context',
      KUBECONFIG.replace('current-context: mgmt', ''),
      /has no current cluster \(current-context is not set\)/,
    ],
    [
      'a context naming no cluster',
      KUBECONFIG.replace('cluster: mgmt, user', 'cluster: gone, user'),
      /has no current cluster \(current-context "mgmt" names no cluster with a server\)/,
    ],
    ['not YAML at all', ':\n  - : [', /is not a readable kubeconfig/],
  ])(
    'when the kubeconfig has %s, then the start is refused with one line (never the localhost:8080 fallback)',
    async (_case, content, words) => {
      const target = file(`bad-${_case.replaceAll(' ', '-')}`, content);
      const loading = loadManagementCluster({ kind: 'kubeconfig', path: target });
      await expect(loading).rejects.toThrow(ManagementClusterError);
      await expect(loading).rejects.toThrow(words);
      const message = await loading.catch((error: Error) => error.message);
      expect(message).not.toContain('\n');
      expect(message).not.toContain('secret-token-value');
    },
  );

  it('when the kubeconfig file does not exist, then the start is refused naming it', async () => {
    await expect(
      loadManagementCluster({ kind: 'kubeconfig', path: path.join(dir, 'missing') }),
    ).rejects.toThrow(`MANAGEMENT_KUBECONFIG: no file at ${path.join(dir, 'missing')}`);
  });

  it('when in-cluster has no mounted token, then the start is refused saying what to mount', async () => {
    await expect(
      loadManagementCluster({ kind: 'in-cluster' }, path.join(dir, 'no-token')),
    ).rejects.toThrow(/no service-account token at .*automountServiceAccountToken: true/);
  });
});
