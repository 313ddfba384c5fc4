/** Real Git repositories for tests: a bare "remote" with the tenant repo's initial commit. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const INITIAL_KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: []
`;

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'seed',
  GIT_AUTHOR_EMAIL: 'seed@example.test',
  GIT_COMMITTER_NAME: 'seed',
  GIT_COMMITTER_EMAIL: 'seed@example.test',
  LC_ALL: 'C',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A new directory under `parent` (default: the system's temporary directory). */
export function makeTempDir(prefix = 'clusters-api-test-', parent = tmpdir()): string {
  return mkdtempSync(path.join(parent, prefix));
}

/** A bare repository whose main holds the initial kustomization, like the local GitLab's. */
export function createBareTenantRepo(root: string): { bare: string; url: string } {
  const bare = path.join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const seed = path.join(root, 'seed');
  git(root, 'clone', '--quiet', bare, seed);
  mkdirSync(path.join(seed, 'nautes/overlays/production/clusters'), { recursive: true });
  writeFileSync(
    path.join(seed, 'nautes/overlays/production/clusters/kustomization.yaml'),
    INITIAL_KUSTOMIZATION,
  );
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'Initial tenant configuration');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  return { bare, url: `file://${bare}` };
}

/** A fresh clone of `url` in a new directory under `root`. */
export function freshClone(root: string, url: string): string {
  const dir = mkdtempSync(path.join(root, 'check-'));
  git(root, 'clone', '--quiet', url, dir);
  return dir;
}

export function commitSubjects(dir: string): string[] {
  return git(dir, 'log', '--format=%s').trim().split('\n');
}
