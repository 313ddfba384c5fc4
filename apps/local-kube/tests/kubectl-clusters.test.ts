import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, kubeconfigFor, startLocalKube, type LocalKube } from '../src';
import { clusterObject } from './helpers/kube-call';

/**
 * Faithfulness: Debian's kubectl reads the Cluster resource from the stand-in as from a real
 * management cluster: the Table of `get` (NAME, AGE), `-o json`, `-w` printing a new cluster
 * as it appears, RBAC's refusal, and writes to the status subresource.
 */
let kube: LocalKube;
let dir: string;
const RESOURCE = 'clusters.nautes.resource.nautes.io';

beforeAll(async () => {
  kube = await startLocalKube();
  dir = mkdtempSync(path.join(os.tmpdir(), 'local-kube-kubectl-clusters-'));
  kube.store.create(CLUSTERS, 'nautes', clusterObject('cluster-host'));
  kube.store.create(CLUSTERS, 'nautes', clusterObject('physical-worker', { usage: 'worker' }));
});

afterAll(async () => {
  await kube?.close();
  rmSync(dir, { recursive: true, force: true });
});

function kubeconfig(user: string): string {
  const file = path.join(dir, user);
  writeFileSync(
    file,
    kubeconfigFor({
      server: kube.url,
      caPem: kube.authority.certPem,
      token: kube.credentials[user]?.token ?? '',
    }),
  );
  return file;
}

const env = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir });

function kubectl(
  user: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      ['--kubeconfig', kubeconfig(user), ...args],
      { env: env(), timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('kubectl against the Cluster resource of the local Kubernetes API', () => {
  it('when kubectl get clusters runs, then it prints NAME and AGE with every cluster', async () => {
    const result = await kubectl('cluster-watcher', ['get', RESOURCE, '-n', 'nautes']);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+AGE$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      'cluster-host',
      'physical-worker',
    ]);
  });

  it('when kubectl get -o json runs, then a List of the Cluster objects', async () => {
    const result = await kubectl('cluster-watcher', [
      'get',
      RESOURCE,
      '-n',
      'nautes',
      '-o',
      'json',
    ]);
    const list = JSON.parse(result.stdout) as {
      kind: string;
      items: { kind: string; metadata: { name: string }; spec: { usage: string } }[];
    };
    expect(list.kind).toBe('List');
    expect(list.items.map((item) => [item.kind, item.metadata.name, item.spec.usage])).toEqual([
      ['Cluster', 'cluster-host', 'host'],
      ['Cluster', 'physical-worker', 'worker'],
    ]);
  });

  it('when kubectl get -w runs and a cluster is created, then its row is printed as it appears', async () => {
    const child = spawn(
      'kubectl',
      ['--kubeconfig', kubeconfig('cluster-watcher'), 'get', RESOURCE, '-n', 'nautes', '-w'],
      { env: env() },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    try {
      const deadline = Date.now() + 15_000;
      while (!output.includes('physical-worker') || kube.openWatches() === 0) {
        if (Date.now() > deadline) throw new Error(`kubectl -w printed: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      kube.store.create(CLUSTERS, 'nautes', clusterObject('appears-live'));
      while (!output.includes('appears-live')) {
        if (Date.now() > deadline) throw new Error(`kubectl -w printed: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output.trim().split('\n').at(-1)).toMatch(/^appears-live\s+\d+s$/);
      expect(output.match(/^NAME\s+AGE$/gm)).toHaveLength(1);
    } finally {
      child.kill();
    }
  });

  it('when a user without rights runs kubectl get, then kubectl prints the Forbidden message and exits 1', async () => {
    const result = await kubectl('nobody', ['get', RESOURCE, '-n', 'nautes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Error from server (Forbidden): clusters.nautes.resource.nautes.io is forbidden: User "nobody" cannot list resource "clusters" in API group "nautes.resource.nautes.io" in the namespace "nautes"',
    );
  });

  it('when kubectl get names a missing cluster, then NotFound names it', async () => {
    const result = await kubectl('cluster-watcher', [
      'get',
      RESOURCE,
      '-n',
      'nautes',
      'no-such-cluster',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Error from server (NotFound): clusters.nautes.resource.nautes.io "no-such-cluster" not found',
    );
  });

  it('when kubectl patches the status subresource, then the condition is stored and the spec untouched', async () => {
    const patch = JSON.stringify({
      status: {
        conditions: [
          {
            type: 'SecretStoreReady',
            status: 'False',
            reason: 'RegularUpdate',
            message: 'sync cluster info to secret store failed: vault sealed',
            lastTransitionTime: '2026-12-07T10:00:00Z',
          },
        ],
      },
    });
    const result = await kubectl('deployer', [
      'patch',
      RESOURCE,
      'cluster-host',
      '-n',
      'nautes',
      '--subresource=status',
      '--type=merge',
      '-p',
      patch,
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('cluster.nautes.resource.nautes.io/cluster-host patched');
    expect(kube.store.get(CLUSTERS, 'nautes', 'cluster-host')).toMatchObject({
      metadata: { generation: 1 },
      status: {
        conditions: [
          { status: 'False', message: 'sync cluster info to secret store failed: vault sealed' },
        ],
      },
    });
  });
});
