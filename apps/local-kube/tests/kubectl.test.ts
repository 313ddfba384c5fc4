import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuthority,
  kubeconfigFor,
  startLocalKube,
  type KubeconfigOptions,
  type LocalKube,
} from '../src';

/**
 * Faithfulness: Debian's kubectl (package kubernetes-client, installed by `npm test`'s setup)
 * against the stand-in gives what it gives against a real API server: the server's version
 * from `kubectl version`, `yes`/exit 0 and `no`/exit 1 from `kubectl auth can-i`, and
 * "You must be logged in to the server (Unauthorized)"/exit 1 for a token the server does not know.
 */
let kube: LocalKube;
let dir: string;

beforeAll(async () => {
  kube = await startLocalKube();
  dir = mkdtempSync(path.join(os.tmpdir(), 'local-kube-kubectl-'));
});

afterAll(async () => {
  await kube?.close();
  rmSync(dir, { recursive: true, force: true });
});

function kubeconfig(name: string, options: Partial<KubeconfigOptions>): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    kubeconfigFor({ server: kube.url, caPem: kube.authority.certPem, ...options }),
  );
  return file;
}

function kubectl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      args,
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const admin = () =>
  kubeconfig('admin', { certificate: kube.credentials['kube-admin']?.certificate });
const viewer = () => kubeconfig('viewer', { certificate: kube.credentials.viewer?.certificate });
const deployer = () => kubeconfig('deployer', { token: kube.credentials.deployer?.token });

describe('kubectl against the local Kubernetes API', () => {
  it('when kubectl version -o json runs, then it exits 0 with the server version', async () => {
    const result = await kubectl(['--kubeconfig', admin(), 'version', '-o', 'json']);
    expect(result.code).toBe(0);
    const version = JSON.parse(result.stdout) as { serverVersion: Record<string, string> };
    expect(version.serverVersion).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.4' });
  });

  it('when a certificate admin asks can-i create namespaces, then yes and exit 0', async () => {
    const result = await kubectl([
      '--kubeconfig',
      admin(),
      'auth',
      'can-i',
      'create',
      'namespaces',
    ]);
    expect(result).toMatchObject({ code: 0, stdout: 'yes\n' });
  });

  it('when a token user asks can-i create clusterroles, then yes and exit 0', async () => {
    const result = await kubectl([
      '--kubeconfig',
      deployer(),
      'auth',
      'can-i',
      'create',
      'clusterroles',
    ]);
    expect(result).toMatchObject({ code: 0, stdout: 'yes\n' });
  });

  it('when a user without the right asks can-i create customresourcedefinitions, then no and exit 1', async () => {
    const file = viewer();
    const denied = await kubectl([
      '--kubeconfig',
      file,
      'auth',
      'can-i',
      'create',
      'customresourcedefinitions',
    ]);
    expect(denied).toMatchObject({ code: 1, stdout: 'no\n' });
    const allowed = await kubectl(['--kubeconfig', file, 'auth', 'can-i', 'create', 'namespaces']);
    expect(allowed).toMatchObject({ code: 0, stdout: 'yes\n' });
  });

  it('when kubectl auth whoami runs, then the SelfSubjectReview names the certificate user and groups', async () => {
    const result = await kubectl(['--kubeconfig', admin(), 'auth', 'whoami', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      status: {
        userInfo: { username: 'kube-admin', groups: ['system:masters', 'system:authenticated'] },
      },
    });
  });

  it('when the token is unknown, then kubectl says it must be logged in and exits 1', async () => {
    const file = kubeconfig('unknown-token', { token: 'not-a-token' });
    const result = await kubectl(['--kubeconfig', file, 'auth', 'can-i', 'create', 'namespaces']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('You must be logged in to the server (Unauthorized)');
  });

  it('when the kubeconfig trusts another CA, then kubectl refuses the server certificate', async () => {
    const other = createAuthority('other-ca');
    const file = kubeconfig('other-ca', {
      caPem: other.certPem,
      certificate: kube.credentials['kube-admin']?.certificate,
    });
    const result = await kubectl(['--kubeconfig', file, 'version', '-o', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('certificate signed by unknown authority');
  });
});
