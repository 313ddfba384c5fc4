import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLUSTERS_DIR } from '@cluster-console/shared';
import { stackInfo } from './stack-info';

export interface TenantRepoSnapshot {
  /** File names under nautes/overlays/production/clusters, sorted. */
  clusterFiles: string[];
  /** Each cluster file's text at HEAD, by file name. */
  files: Record<string, string>;
  /** Every file's text at HEAD, joined. */
  text: string;
  /** `git log -p` of the whole history. */
  history: string;
  commits: number;
}

/**
 * A fresh clone of the tenant repository from the local GitLab (the main stack's, or the one at
 * `gitlabUrl`), with its read-only deploy token.
 */
export function cloneTenantRepo(gitlabUrl = stackInfo().gitlabUrl): TenantRepoSnapshot {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenant-config-'));
  try {
    const url = new URL('/nautes/tenant-config.git', gitlabUrl);
    url.username = 'clusters-api';
    url.password = 'gldt-local-clusters-api';
    execFileSync('git', ['clone', '--quiet', url.toString(), dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const clustersDir = path.join(dir, CLUSTERS_DIR);
    const clusterFiles = readdirSync(clustersDir).sort();
    const files = Object.fromEntries(
      clusterFiles.map((file) => [file, readFileSync(path.join(clustersDir, file), 'utf8')]),
    );
    const text = Object.values(files).join('\n---\n');
    const history = execFileSync('git', ['-C', dir, 'log', '-p', '--all'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const commits = Number(
      execFileSync('git', ['-C', dir, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }).trim(),
    );
    return { clusterFiles, files, text, history, commits };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
