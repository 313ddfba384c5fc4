import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterResource } from '@cluster-console/shared';
import {
  commitSubjects,
  createBareTenantRepo,
  freshClone,
  git,
  makeTempDir,
} from '../../tests/helpers/git-fixtures';
import { GitRunner } from './git-runner';
import { RepoError } from './repo-error';
import { TenantRepo, type RepoMutation } from './tenant-repo';

const CLUSTERS = 'nautes/overlays/production/clusters';
const author = { name: 'Mia Maintainer', email: 'maintainer@example.test' };

function resource(name: string, usage = 'host'): ClusterResource {
  return {
    apiVersion: 'nautes.resource.nautes.io/v1alpha1',
    kind: 'Cluster',
    metadata: { name, namespace: 'nautes' },
    spec: {
      apiServer: 'https://203.0.113.10:6443',
      clusterKind: 'kubernetes',
      clusterType: 'physical',
      usage,
      traefik: { httpNodePort: '30080', httpsNodePort: '30443' },
    },
  };
}

function save(name: string, extra: Partial<RepoMutation> = {}): RepoMutation {
  return {
    key: name,
    token: 'token-a',
    author,
    plan: () => ({
      kind: 'upsert',
      name,
      resource: resource(name),
      message: `Save cluster ${name}`,
    }),
    ...extra,
  };
}

describe('TenantRepo', () => {
  let root: string;
  let url: string;
  const repos: TenantRepo[] = [];

  function openRepo(dirName = 'clone', refreshMs = 60_000): Promise<TenantRepo> {
    const repo = new TenantRepo({
      url,
      readToken: 'read-token',
      dir: path.join(root, dirName),
      git: new GitRunner({ PATH: process.env.PATH ?? '' }),
      logger: pino({ level: 'silent' }),
      refreshMs,
    });
    repos.push(repo);
    return repo.open().then(() => repo);
  }

  beforeEach(() => {
    root = makeTempDir();
    ({ url } = createBareTenantRepo(root));
  });

  afterEach(async () => {
    await Promise.all(repos.splice(0).map((repo) => repo.close()));
    rmSync(root, { recursive: true, force: true });
  });

  it('when a save is submitted, then one commit authored as the caller holds the file and the kustomization entry', async () => {
    const repo = await openRepo();
    const result = await repo.submit(save('cluster-host'));

    expect(result.committed).toBe(true);
    const check = freshClone(root, url);
    expect(git(check, 'log', '-1', '--format=%an <%ae>|%cn|%s').trim()).toBe(
      'Mia Maintainer <maintainer@example.test>|Mia Maintainer|Save cluster cluster-host',
    );
    expect(readFileSync(path.join(check, CLUSTERS, 'cluster-host.yaml'), 'utf8')).toContain(
      'name: cluster-host',
    );
    expect(readFileSync(path.join(check, CLUSTERS, 'kustomization.yaml'), 'utf8')).toContain(
      '- cluster-host.yaml',
    );
    expect(repo.get('cluster-host')?.usage).toBe('host');
  });

  it('when a delete is submitted, then the file and its kustomization entry are gone in one commit', async () => {
    const repo = await openRepo();
    await repo.submit(save('cluster-a'));
    await repo.submit({
      key: 'cluster-a',
      token: 't',
      author,
      plan: () => ({ kind: 'delete', name: 'cluster-a', message: 'Delete cluster cluster-a' }),
    });

    const check = freshClone(root, url);
    expect(existsSync(path.join(check, CLUSTERS, 'cluster-a.yaml'))).toBe(false);
    expect(readFileSync(path.join(check, CLUSTERS, 'kustomization.yaml'), 'utf8')).toContain(
      'resources: []',
    );
    expect(commitSubjects(check)[0]).toBe('Delete cluster cluster-a');
    expect(repo.get('cluster-a')).toBeUndefined();
  });

  it('when plan refuses, then nothing is committed and its rollback runs', async () => {
    const repo = await openRepo();
    let rolledBack = false;
    const refused = repo.submit(
      save('cluster-x', {
        plan: () => {
          throw new Error('refused');
        },
        rollback: () => {
          rolledBack = true;
          return Promise.resolve();
        },
      }),
    );
    await expect(refused).rejects.toThrow('refused');
    expect(rolledBack).toBe(true);
    expect(commitSubjects(freshClone(root, url))).toEqual(['Initial tenant configuration']);
  });

  it('when the same content is saved twice, then the second save makes no commit', async () => {
    const repo = await openRepo();
    await repo.submit(save('cluster-a'));
    const again = await repo.submit(save('cluster-a'));
    expect(again.committed).toBe(false);
    expect(commitSubjects(freshClone(root, url))).toHaveLength(2);
  });

  it('when 8 saves are submitted at once, then all 8 land as 8 commits', async () => {
    const repo = await openRepo();
    const names = Array.from({ length: 8 }, (_, i) => `cluster-${i}`);
    await Promise.all(names.map((name) => repo.submit(save(name))));

    const check = freshClone(root, url);
    expect(commitSubjects(check)).toHaveLength(9);
    const kustomization = readFileSync(path.join(check, CLUSTERS, 'kustomization.yaml'), 'utf8');
    for (const name of names) expect(kustomization).toContain(`- ${name}.yaml`);
    expect(repo.list().map((c) => c.name)).toEqual(names);
  });

  it('when two clones on one remote save at once, then nothing is lost', async () => {
    const [a, b] = await Promise.all([openRepo('clone-a'), openRepo('clone-b')]);
    const names = (prefix: string) => Array.from({ length: 4 }, (_, i) => `${prefix}-${i}`);
    await Promise.all([
      ...names('a').map((name) => a.submit(save(name))),
      ...names('b').map((name) => b.submit(save(name))),
    ]);

    const check = freshClone(root, url);
    expect(commitSubjects(check)).toHaveLength(9);
    await a.refresh();
    expect(a.list()).toHaveLength(8);
  });

  it('when someone else pushes before every attempt, then after 3 retries it is a conflict', async () => {
    const repo = await openRepo();
    const other = freshClone(root, url);
    let attempts = 0;
    const result = repo.submit(
      save('cluster-a', {
        plan: () => {
          attempts += 1;
          writeFileSync(path.join(other, `other-${attempts}.txt`), 'x');
          git(other, 'add', '.');
          git(other, 'commit', '--quiet', '-m', `other ${attempts}`);
          git(other, 'push', '--quiet', 'origin', 'HEAD:main');
          return {
            kind: 'upsert',
            name: 'cluster-a',
            resource: resource('cluster-a'),
            message: 'Save cluster cluster-a',
          };
        },
      }),
    );
    await expect(result).rejects.toMatchObject({ kind: 'conflict' });
    expect(attempts).toBe(4);
  });

  it('when the remote refuses the push in a hook, then it is forbidden and rolled back', async () => {
    const hook = path.join(root, 'remote.git', 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "GitLab: You are not allowed to push code to protected branches on this project." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const repo = await openRepo();
    let rolledBack = false;
    const result = repo.submit(
      save('cluster-a', { rollback: () => Promise.resolve(void (rolledBack = true)) }),
    );
    await expect(result).rejects.toBeInstanceOf(RepoError);
    await expect(result).rejects.toMatchObject({ kind: 'forbidden' });
    expect(rolledBack).toBe(true);
    expect(repo.get('cluster-a')).toBeUndefined();
  });

  it('when the clone was left mid-write by a crash, then opening again recovers it', async () => {
    const first = await openRepo();
    await first.submit(save('cluster-a'));
    await first.close();
    const clone = path.join(root, 'clone');
    writeFileSync(path.join(clone, CLUSTERS, 'cluster-a.yaml'), 'half-writ');
    writeFileSync(path.join(clone, CLUSTERS, '.cluster-b.yaml.tmp-123'), 'junk');
    writeFileSync(path.join(clone, '.git', 'index.lock'), '');

    const reopened = await openRepo();
    expect(reopened.get('cluster-a')?.name).toBe('cluster-a');
    expect(git(clone, 'status', '--porcelain')).toBe('');
    await reopened.submit(save('cluster-b'));
    expect(commitSubjects(freshClone(root, url))[0]).toBe('Save cluster cluster-b');
  });

  it('when another writer changed the remote, then a read refreshes the index in the background', async () => {
    const repo = await openRepo('clone', 0);
    const other = await openRepo('other');
    await other.submit(save('cluster-z'));
    expect(repo.get('cluster-z')).toBeUndefined(); // the read never waits
    await expect.poll(() => repo.get('cluster-z')?.name, { timeout: 5_000 }).toBe('cluster-z');
  });
});
