import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../scripts/lib/app-process';
import { clusterFile, HOST_SPEC, startTenantGit, type TenantGit } from './helpers/tenant-git';

/**
 * The process `npm start` runs: it listens, writes a kubeconfig (mode 0600, CA included) with a
 * read-only watcher context and an admin context, and syncs the local GitLab's tenant
 * repository into the management cluster, which kubectl then reads.
 */
let tenant: TenantGit;
let kube: RunningApp;
let dataDir: string;

beforeAll(async () => {
  tenant = await startTenantGit();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'local-kube-process-'));
  kube = await startApp('local-kube', {
    env: {
      DATA_DIR: dataDir,
      GITLAB_URL: tenant.gitlab.url,
      POLL_INTERVAL: '0.2',
      SYNC_DELAY: '0',
      CLUSTER_OPERATOR_DELAY: '0.1',
      ARGO_OPERATOR_DELAY: '0.1',
      LOG_LEVEL: 'warn',
    },
  });
}, 60_000);

afterAll(async () => {
  await kube?.stop();
  await tenant?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const kubeconfigPath = () => path.join(dataDir, 'kubeconfig');

function kubectl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      ['--kubeconfig', kubeconfigPath(), ...args],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dataDir }, timeout: 20_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

describe('local-kube process', () => {
  it('when it starts, then it listens on https 127.0.0.1 and writes a private kubeconfig with a watcher and an admin context', () => {
    expect(kube.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(kubeconfigPath()).mode & 0o777).toBe(0o600);
    const config = JSON.parse(readFileSync(kubeconfigPath(), 'utf8')) as {
      'current-context': string;
      contexts: { name: string; context: { user: string } }[];
      clusters: { cluster: Record<string, string> }[];
    };
    expect(config['current-context']).toBe('local-kube');
    expect(config.contexts.map((c) => [c.name, c.context.user])).toEqual([
      ['local-kube', 'cluster-watcher'],
      ['local-kube-admin', 'kube-admin'],
    ]);
    expect(config.clusters[0]?.cluster).toMatchObject({
      server: kube.url,
      'certificate-authority-data': expect.any(String) as string,
    });
    expect(kube.logs()).not.toContain('gldt-local-clusters-api');
    // Its start line says where the kubeconfig is, for a user reading the log.
    expect(kube.logs()).toContain(`"kubeconfigPath":${JSON.stringify(kubeconfigPath())}`);
  });

  it('when a Cluster file is committed, then kubectl with that kubeconfig lists it, the watcher may not write and the admin may', async () => {
    tenant.commit({ 'cluster-host.yaml': clusterFile('cluster-host', HOST_SPEC) });
    const deadline = Date.now() + 15_000;
    let listed = '';
    while (!listed.includes('cluster-host')) {
      if (Date.now() > deadline) throw new Error(`never listed: ${listed}`);
      listed = (await kubectl(['get', 'clusters.nautes.resource.nautes.io', '-n', 'nautes']))
        .stdout;
    }
    const denied = await kubectl([
      'delete',
      'clusters.nautes.resource.nautes.io',
      'cluster-host',
      '-n',
      'nautes',
    ]);
    expect(denied.stderr).toContain('User "cluster-watcher" cannot delete resource "clusters"');
    const app = await kubectl([
      '--context',
      'local-kube-admin',
      'get',
      'applications.argoproj.io',
      'nautes',
      '-n',
      'argocd',
      '-o',
      'json',
    ]);
    expect(JSON.parse(app.stdout)).toMatchObject({
      kind: 'Application',
      metadata: { name: 'nautes' },
    });
  });
});
