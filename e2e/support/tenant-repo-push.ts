import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLUSTERS_DIR } from '@cluster-console/shared';
import { stackInfo } from './stack-info';

/**
 * Commits a Cluster file straight to the tenant repository, as someone with push rights does
 * outside the console (the local GitLab's second maintainer, `operator`, with its token): a
 * copy of `from`'s file renamed to `name`, with `edit` applied to its text.
 */
export function pushClusterFileCopy(from: string, name: string, edit: (text: string) => string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenant-push-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = new URL('/nautes/tenant-config.git', stackInfo().gitlabUrl);
    url.username = 'operator';
    url.password = 'glpat-local-operator';
    execFileSync('git', ['clone', '--quiet', url.toString(), dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const clusters = path.join(dir, CLUSTERS_DIR);
    const text = readFileSync(path.join(clusters, `${from}.yaml`), 'utf8');
    writeFileSync(path.join(clusters, `${name}.yaml`), edit(text.replaceAll(from, name)));
    const kustomization = path.join(clusters, 'kustomization.yaml');
    const resources = readFileSync(kustomization, 'utf8');
    writeFileSync(
      kustomization,
      resources.replace(`- ${from}.yaml`, `- ${from}.yaml\n- ${name}.yaml`),
    );
    git('add', '-A');
    git(
      '-c',
      'user.name=Operator',
      '-c',
      'user.email=operator@local-gitlab.test',
      'commit',
      '-qm',
      `add ${name}`,
    );
    git('push', '--quiet', 'origin', 'HEAD');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
