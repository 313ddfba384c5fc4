import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { CLUSTERS_DIR } from '@cluster-console/shared';
import { stackInfo } from './stack-info';

/**
 * Commits a Cluster file straight to the tenant repository, as someone with push rights does
 * outside the console (the local GitLab's second maintainer, `operator`, with its token):
 * `clusters/<name>.yaml` holding a Cluster resource with `spec`, listed in the kustomization.
 * It depends on no other cluster's file, so it works whatever earlier journeys deleted.
 */
export function pushClusterFile(name: string, spec: Record<string, unknown>): void {
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
    const resource = {
      apiVersion: 'nautes.resource.nautes.io/v1alpha1',
      kind: 'Cluster',
      metadata: { name, namespace: 'nautes' },
      spec,
    };
    writeFileSync(path.join(clusters, `${name}.yaml`), stringify(resource));
    const kustomization = path.join(clusters, 'kustomization.yaml');
    const listed = parse(readFileSync(kustomization, 'utf8')) as { resources?: string[] };
    listed.resources = [...(listed.resources ?? []), `${name}.yaml`].sort();
    writeFileSync(kustomization, stringify(listed));
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
