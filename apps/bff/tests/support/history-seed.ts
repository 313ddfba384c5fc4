import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterFilePath } from '@cluster-console/shared';

function git(cwd: string, args: string[]): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: 'Local Maintainer',
      GIT_AUTHOR_EMAIL: 'maintainer@local-gitlab.test',
      GIT_COMMITTER_NAME: 'Local Maintainer',
      GIT_COMMITTER_EMAIL: 'maintainer@local-gitlab.test',
    },
  });
}

function clusterYaml(name: string, port: number): string {
  return `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
metadata:
  name: ${name}
  namespace: nautes
spec:
  apiServer: https://10.0.0.1:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: worker
  workerType: pipeline
  traefik:
    httpNodePort: "${port}"
    httpsNodePort: "30443"
`;
}

export interface HistorySeed {
  /** A cluster saved `saves` times (created, then its port changed each time). */
  busy: { name: string; saves: number };
  /** Clusters created in one commit, then deleted one commit each. */
  deleted: string[];
}

/**
 * Real commits in the local GitLab's tenant repository, pushed once as the maintainer (much
 * faster than saving through the clusters API, and the same files and history for GitLab).
 */
export function seedHistory(gitlabUrl: string, seed: HistorySeed): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-history-seed-'));
  try {
    const url = new URL('/nautes/tenant-config.git', gitlabUrl);
    url.username = 'oauth2';
    url.password = 'glpat-local-maintainer';
    git(dir, ['clone', '--quiet', '--single-branch', '--branch', 'main', url.href, '.']);
    const write = (name: string, port: number) =>
      writeFileSync(path.join(dir, clusterFilePath(name)), clusterYaml(name, port));
    for (let save = 0; save < seed.busy.saves; save += 1) {
      write(seed.busy.name, 30000 + save);
      git(dir, ['add', '--all']);
      git(dir, ['commit', '--quiet', '-m', `Save cluster ${seed.busy.name}`]);
    }
    for (const name of seed.deleted) write(name, 30080);
    git(dir, ['add', '--all']);
    git(dir, ['commit', '--quiet', '-m', 'Save clusters']);
    for (const name of seed.deleted) {
      unlinkSync(path.join(dir, clusterFilePath(name)));
      git(dir, ['add', '--all']);
      git(dir, ['commit', '--quiet', '-m', `Delete cluster ${name}`]);
    }
    git(dir, ['push', '--quiet', 'origin', 'main']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
