/**
 * Puts exactly `count` clusters into the local GitLab's tenant repository in ONE commit, the
 * way an administrator with a big tenant would have them: clone as the maintainer, write
 * every Cluster file and the kustomization, commit, push. Much faster than `count` POSTs,
 * and the clusters API then reads them as it reads any tenant repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CLUSTERS_DIR,
  KUSTOMIZATION_PATH,
  clusterFileName,
  clusterResourceToYaml,
  kustomizationYaml,
} from '@cluster-console/shared';
import { seededName, seededResource } from './cluster-fixtures';

const MAINTAINER_TOKEN = 'glpat-local-maintainer';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: 'Maintainer',
      GIT_AUTHOR_EMAIL: 'maintainer@example.com',
      GIT_COMMITTER_NAME: 'Maintainer',
      GIT_COMMITTER_EMAIL: 'maintainer@example.com',
    },
  });
}

/** Replaces every cluster in the tenant repository with seeded clusters 0..count-1. */
export function seedTenantRepo(gitlabUrl: string, count: number): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'));
  try {
    const url = new URL('/nautes/tenant-config.git', gitlabUrl);
    url.username = 'oauth2';
    url.password = MAINTAINER_TOKEN;
    git(dir, ['clone', '--quiet', '--single-branch', '--branch', 'main', url.href, '.']);
    const clustersDir = path.join(dir, CLUSTERS_DIR);
    mkdirSync(clustersDir, { recursive: true });
    for (const file of readdirSync(clustersDir)) {
      if (file !== path.basename(KUSTOMIZATION_PATH)) rmSync(path.join(clustersDir, file));
    }
    const files: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const file = clusterFileName(seededName(index));
      writeFileSync(path.join(clustersDir, file), clusterResourceToYaml(seededResource(index)));
      files.push(file);
    }
    writeFileSync(path.join(dir, KUSTOMIZATION_PATH), kustomizationYaml(files));
    git(dir, ['add', '--all', '--', CLUSTERS_DIR]);
    git(dir, [
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      `Seed ${count} clusters for the benchmarks`,
    ]);
    git(dir, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
