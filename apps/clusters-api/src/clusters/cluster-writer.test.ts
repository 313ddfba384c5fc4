import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kubeconfigSecretLocation, type ClusterResource } from '@cluster-console/shared';
import {
  commitSubjects,
  createBareTenantRepo,
  freshClone,
  git,
  makeTempDir,
} from '../../tests/helpers/git-fixtures';
import { clusterState } from '../secrets/cluster-state';
import { JournaledSecretStore } from '../secrets/journaled-secret-store';
import { GitRunner } from '../tenant-repo/git-runner';
import { RepoError } from '../tenant-repo/repo-error';
import { TenantStore } from '../tenant-repo/tenant-store';
import { ClusterWriter, type ClusterWrite } from './cluster-writer';

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

const KUBECONFIG = { kubeconfig: 'apiVersion: v1\nkind: Config\n' };

function save(name: string, extra: Partial<ClusterWrite> = {}): ClusterWrite {
  return {
    key: name,
    token: 'token-a',
    author,
    secret: kubeconfigSecretLocation(name),
    plan: () => ({
      change: {
        kind: 'upsert',
        name,
        resource: resource(name),
        message: `Save cluster ${name}`,
      },
      secret: { kind: 'keep' },
    }),
    ...extra,
  };
}

/** The store and the writer over it, with a real secret journal, as compose.ts wires them. */
interface Repo {
  store: TenantStore;
  secrets: JournaledSecretStore;
  submit: ClusterWriter['submit'];
  list: TenantStore['list'];
  get: TenantStore['get'];
  refresh: TenantStore['refresh'];
  close(): Promise<void>;
}

describe('ClusterWriter over TenantStore', () => {
  let root: string;
  let url: string;
  const repos: Repo[] = [];

  async function openRepo(dirName = 'clone', refreshMs = 60_000): Promise<Repo> {
    const logger = pino({ level: 'silent' });
    const store = new TenantStore({
      url,
      readToken: 'read-token',
      dir: path.join(root, dirName),
      git: new GitRunner({ PATH: process.env.PATH ?? '' }),
      logger,
      refreshMs,
    });
    const secrets = new JournaledSecretStore(path.join(root, 'secrets'), Buffer.alloc(32, 1), {
      dir: path.join(root, `${dirName}-journal`),
      stateOf: clusterState(store),
      logger,
    });
    const writer = new ClusterWriter({ store, secrets, logger });
    const repo: Repo = {
      store,
      secrets,
      submit: (write) => writer.submit(write),
      list: () => store.list(),
      get: (name) => store.get(name),
      refresh: () => store.refresh(),
      close: async () => {
        await writer.close();
        await store.close();
      },
    };
    repos.push(repo);
    await store.open();
    return repo;
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
      secret: kubeconfigSecretLocation('cluster-a'),
      plan: () => ({
        change: { kind: 'delete', name: 'cluster-a', message: 'Delete cluster cluster-a' },
        secret: { kind: 'delete' },
      }),
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
    const location = kubeconfigSecretLocation('cluster-x');
    await repo.secrets.put(location, KUBECONFIG);
    const refused = repo.submit(
      save('cluster-x', {
        plan: () => {
          throw new Error('refused');
        },
      }),
    );
    await expect(refused).rejects.toThrow('refused');
    // Rolled back: the secret is as it was and its journal entry is closed.
    expect(repo.secrets.openEntry(location)).toBeUndefined();
    expect(await repo.secrets.get(location)).toEqual(KUBECONFIG);
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
            change: {
              kind: 'upsert',
              name: 'cluster-a',
              resource: resource('cluster-a'),
              message: 'Save cluster cluster-a',
            },
            secret: { kind: 'keep' },
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
    const location = kubeconfigSecretLocation('cluster-a');
    const result = repo.submit(
      save('cluster-a', {
        plan: () => ({
          change: {
            kind: 'upsert',
            name: 'cluster-a',
            resource: resource('cluster-a'),
            message: 'Save cluster cluster-a',
          },
          secret: { kind: 'put', data: KUBECONFIG },
        }),
      }),
    );
    await expect(result).rejects.toBeInstanceOf(RepoError);
    await expect(result).rejects.toMatchObject({ kind: 'forbidden' });
    // Rolled back: the secret written for the save is gone again, its journal entry closed.
    expect(repo.secrets.openEntry(location)).toBeUndefined();
    expect(await repo.secrets.get(location)).toBeUndefined();
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
