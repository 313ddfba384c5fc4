import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../../scripts/lib/app-process';

// packages/shared keeps copies of ../shared/fixtures/seed-requests so a fresh clone can test.
const seedDir = path.join(repoRoot, 'packages/shared/tests/fixtures/seed-requests');

export type SeedBody = Record<string, unknown>;

export function seed(name: 'cluster-host' | 'cluster-virtual' | 'cluster-physical'): SeedBody {
  return JSON.parse(readFileSync(path.join(seedDir, `${name}.json`), 'utf8')) as SeedBody;
}

export const SEED_KUBECONFIG = readFileSync(path.join(seedDir, 'kubeconfig-seed.yaml'), 'utf8');

/** A physical host body with its own small kubeconfig. */
export function physicalHost(apiServer = 'https://203.0.113.10:6443'): SeedBody {
  return {
    api_server: apiServer,
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'host',
    kubeconfig: kubeconfigFor('admin-token-for-tests'),
  };
}

export function virtualWorker(host: string): SeedBody {
  return {
    api_server: 'https://203.0.113.10:31443',
    cluster_kind: 'kubernetes',
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'pipeline',
    host_cluster: host,
  };
}

export function kubeconfigFor(token: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: https://203.0.113.10:6443
contexts:
- name: c
  context: {cluster: c, user: u}
current-context: c
users:
- name: u
  user:
    token: ${token}
`;
}

/** Every file under `dir` with its exact bytes (for "unchanged" checks). */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}
