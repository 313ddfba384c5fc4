import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../../../scripts/lib/app-process';

const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Local Maintainer',
  GIT_AUTHOR_EMAIL: 'maintainer@local-gitlab.test',
  GIT_COMMITTER_NAME: 'Local Maintainer',
  GIT_COMMITTER_EMAIL: 'maintainer@local-gitlab.test',
  LC_ALL: 'C',
};

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

export const CLUSTERS_DIR = 'nautes/overlays/production/clusters';

/** The local GitLab (a child process) with its tenant repository, and a clone to commit Cluster files from. */
export interface TenantGit {
  gitlab: RunningApp;
  repoUrl: string;
  /** The deploy token that may only read (Argo CD's credential). */
  readToken: string;
  /** Write (or, with undefined, delete) Cluster files, commit and push; the new commit. */
  commit(files: Record<string, string | undefined>, message?: string): string;
  stop(): Promise<void>;
}

export async function startTenantGit(): Promise<TenantGit> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'local-kube-tenant-'));
  const gitlab = await startApp('local-gitlab', {
    env: { DATA_DIR: path.join(root, 'gitlab'), LOG_LEVEL: 'silent' },
  });
  const repoUrl = `${gitlab.url}/nautes/tenant-config.git`;
  const clone = path.join(root, 'clone');
  const pushUrl = repoUrl.replace('http://', 'http://oauth2:glpat-local-maintainer@');
  git(root, 'clone', '--quiet', pushUrl, clone);
  return {
    gitlab,
    repoUrl,
    readToken: 'gldt-local-clusters-api',
    commit(files, message = 'clusters') {
      for (const [name, text] of Object.entries(files)) {
        const file = path.join(clone, CLUSTERS_DIR, name);
        if (text === undefined) unlinkSync(file);
        else writeFileSync(file, text);
      }
      git(clone, 'add', '-A');
      git(clone, 'commit', '--quiet', '-m', message);
      git(clone, 'push', '--quiet', 'origin', 'HEAD:main');
      return git(clone, 'rev-parse', 'HEAD');
    },
    stop: async () => {
      await gitlab.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A Cluster file as the clusters API writes it. */
export function clusterFile(name: string, spec: Record<string, unknown>): string {
  return JSON.stringify(
    {
      apiVersion: 'nautes.resource.nautes.io/v1alpha1',
      kind: 'Cluster',
      metadata: { name, namespace: 'nautes' },
      spec,
    },
    null,
    2,
  );
}

export const HOST_SPEC = {
  apiServer: 'https://8.217.50.114:6443',
  clusterKind: 'kubernetes',
  clusterType: 'physical',
  usage: 'host',
  primaryDomain: '8.217.50.114.nip.io',
  traefik: { httpNodePort: '30080', httpsNodePort: '30443' },
};
export const VIRTUAL_SPEC = (host: string) => ({
  apiServer: 'https://8.217.50.114:31456',
  clusterKind: 'kubernetes',
  clusterType: 'virtual',
  usage: 'worker',
  workerType: 'pipeline',
  hostCluster: host,
  primaryDomain: '8.217.50.114.nip.io',
  vcluster: { httpsNodePort: '31456' },
});
