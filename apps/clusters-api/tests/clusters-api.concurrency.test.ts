/**
 * Writes under contention and failure: parallel saves, two instances on one remote, a remote
 * that keeps moving (409 CONFLICT), a remote that refuses the push (403), GitLab down (503),
 * and a restart on the same data directory.
 */
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { startApp } from '../../../scripts/lib/app-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitSubjects,
  createBareTenantRepo,
  freshClone,
  git,
  makeTempDir,
} from './helpers/git-fixtures';
import { kubeconfigFor, physicalHost, snapshotTree } from './helpers/seeds';
import {
  call,
  startClustersApi,
  startLocalGitLab,
  type LocalGitLab,
  type RunningClustersApi,
} from './helpers/stack';

const CLUSTERS = 'nautes/overlays/production/clusters';

let gitlab: LocalGitLab;
let scratch: string;
const running: RunningClustersApi[] = [];

async function startApi(
  env: Record<string, string> = {},
  gitlabUrl = gitlab.url,
): Promise<RunningClustersApi> {
  const api = await startClustersApi(gitlabUrl, env);
  running.push(api);
  return api;
}

function kustomizationResources(clone: string): string[] {
  return (
    parse(readFileSync(path.join(clone, CLUSTERS, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    }
  ).resources;
}

beforeAll(async () => {
  gitlab = await startLocalGitLab();
  scratch = makeTempDir();
});

afterAll(async () => {
  await Promise.all(running.map((api) => api.stop()));
  await gitlab?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('concurrency', { timeout: 120_000 }, () => {
  it('when 20 different clusters are saved in parallel, then all 20 land: files, kustomization, 20 commits', async () => {
    const api = await startApi();
    const names = Array.from({ length: 20 }, (_, i) => `par-${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(
      names.map((name) =>
        call(api.url, 'POST', `/api/v1/clusters/${name}`, { body: physicalHost() }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(names.map(() => 200));

    const clone = freshClone(scratch, gitlab.cloneUrl);
    for (const name of names)
      expect(readFileSync(path.join(clone, CLUSTERS, `${name}.yaml`), 'utf8')).toContain(
        `name: ${name}`,
      );
    expect(kustomizationResources(clone)).toEqual(
      expect.arrayContaining(names.map((n) => `${n}.yaml`)),
    );
    expect(
      commitSubjects(clone)
        .filter((s) => s.startsWith('Save cluster par-'))
        .sort(),
    ).toEqual(names.map((n) => `Save cluster ${n}`));
    const listed = await call<{ items: { name: string }[] }>(
      api.url,
      'GET',
      '/api/v1/clusters?field_selector=cluster_name=par-',
    );
    expect(listed.body.items).toHaveLength(20);
  });

  it('when two instances share one remote and each saves 10 in parallel, then all 20 land', async () => {
    const [a, b] = await Promise.all([startApi(), startApi()]);
    const names = (prefix: string) => Array.from({ length: 10 }, (_, i) => `${prefix}-${i}`);
    const save = (api: RunningClustersApi, name: string) =>
      call(api.url, 'POST', `/api/v1/clusters/${name}`, { body: physicalHost() });
    const answers = await Promise.all([
      ...names('two-a').map((n) => save(a, n)),
      ...names('two-b').map((n) => save(b, n)),
    ]);
    expect(answers.map((x) => x.status)).toEqual(answers.map(() => 200));

    const clone = freshClone(scratch, gitlab.cloneUrl);
    const all = [...names('two-a'), ...names('two-b')];
    expect(kustomizationResources(clone)).toEqual(
      expect.arrayContaining(all.map((n) => `${n}.yaml`)),
    );
    expect(commitSubjects(clone).filter((s) => s.startsWith('Save cluster two-'))).toHaveLength(20);
    await b.api.repo.refresh();
    expect(b.api.repo.list().filter((c) => c.name.startsWith('two-'))).toHaveLength(20);
  });
});

describe('a remote that misbehaves', { timeout: 120_000 }, () => {
  it('when the remote moves before every push, then 409 CONFLICT after the retries and the secret is put back', async () => {
    const root = makeTempDir('moving-remote-', scratch);
    const { bare, url } = createBareTenantRepo(root);
    const api = await startApi({ TENANT_REPO_URL: url });
    expect(
      (
        await call(api.url, 'POST', '/api/v1/clusters/moving', {
          body: { ...physicalHost(), kubeconfig: kubeconfigFor('first') },
        })
      ).status,
    ).toBe(200);

    // From now on main flips between two commits whenever someone pushes.
    const work = freshClone(root, url);
    const c1 = git(work, 'rev-parse', 'HEAD').trim();
    git(work, 'commit', '--quiet', '--allow-empty', '-m', 'elsewhere');
    const c2 = git(work, 'rev-parse', 'HEAD').trim();
    git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/elsewhere');
    const hook = path.join(bare, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      `#!/bin/sh
cur=$(env -u GIT_QUARANTINE_PATH git rev-parse refs/heads/main)
if [ "$cur" = "${c1}" ]; then next=${c2}; else next=${c1}; fi
env -u GIT_QUARANTINE_PATH git update-ref refs/heads/main "$next"
exit 0
`,
    );
    chmodSync(hook, 0o755);
    const secretsBefore = snapshotTree(path.join(api.dataDir, 'secrets'));

    const answer = await call(api.url, 'POST', '/api/v1/clusters/moving', {
      body: {
        ...physicalHost(),
        primary_domain: 'changed.example.com',
        kubeconfig: kubeconfigFor('second'),
      },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 409, reason: 'CONFLICT', metadata: {} });
    expect(snapshotTree(path.join(api.dataDir, 'secrets'))).toEqual(secretsBefore);
    rmSync(root, { recursive: true, force: true });
  });

  it('when the remote refuses the push, then 403 NO_AUTHORIZATION and nothing stays written', async () => {
    const root = makeTempDir('refusing-remote-', scratch);
    const { bare, url } = createBareTenantRepo(root);
    const api = await startApi({ TENANT_REPO_URL: url });
    const hook = path.join(bare, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "GitLab: You are not allowed to push code to protected branches on this project." >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    const head = git(bare, 'rev-parse', 'main');

    const answer = await call(api.url, 'POST', '/api/v1/clusters/refused', {
      body: physicalHost(),
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ reason: 'NO_AUTHORIZATION' });
    expect(git(bare, 'rev-parse', 'main')).toBe(head);
    expect(snapshotTree(path.join(api.dataDir, 'secrets'))).toEqual({});
    expect((await call(api.url, 'GET', '/api/v1/clusters/refused')).status).toBe(404);
    rmSync(root, { recursive: true, force: true });
  });

  it('when GitLab cannot be reached, then 503 UPSTREAM_UNAVAILABLE', async () => {
    const root = makeTempDir('no-gitlab-', scratch);
    const { url } = createBareTenantRepo(root);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const api = await startApi({ TENANT_REPO_URL: url }, `http://127.0.0.1:${port}`);

    for (const answer of [
      await call(api.url, 'GET', '/api/v1/clusters'),
      await call(api.url, 'POST', '/api/v1/clusters/x', { body: physicalHost() }),
    ]) {
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        code: 503,
        reason: 'UPSTREAM_UNAVAILABLE',
        metadata: {},
      });
    }
    rmSync(root, { recursive: true, force: true });
  });
});

describe('restart', { timeout: 120_000 }, () => {
  it('when restarted on a data directory a crash left dirty, then it recovers and serves the same clusters', async () => {
    const dataDir = makeTempDir('restart-', scratch);
    const first = await startApi({ DATA_DIR: dataDir });
    expect(
      (await call(first.url, 'POST', '/api/v1/clusters/survivor', { body: physicalHost() })).status,
    ).toBe(200);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const clone = path.join(dataDir, 'tenant-repo');
    writeFileSync(path.join(clone, CLUSTERS, 'survivor.yaml'), 'half writ');
    writeFileSync(path.join(clone, CLUSTERS, '.next.yaml.tmp-abc'), 'junk');
    writeFileSync(path.join(clone, '.git', 'index.lock'), '');

    const second = await startApi({ DATA_DIR: dataDir });
    expect((await call(second.url, 'GET', '/api/v1/clusters/survivor')).status).toBe(200);
    expect(
      (await call(second.url, 'POST', '/api/v1/clusters/after-restart', { body: physicalHost() }))
        .status,
    ).toBe(200);
    expect(git(clone, 'status', '--porcelain')).toBe('');
    expect(readFileSync(path.join(clone, '.git', 'config'), 'utf8')).not.toContain('glpat');
    expect(readFileSync(path.join(clone, '.git', 'config'), 'utf8')).not.toContain('gldt');
  });

  it('when the process is SIGKILLed while saving, then a restart finds a clean clone and an intact remote', async () => {
    const dataDir = makeTempDir('sigkill-', scratch);
    const env = { DATA_DIR: dataDir, GITLAB_URL: gitlab.url };
    const first = await startApp('clusters-api', { env });
    const saves = Array.from({ length: 6 }, (_, i) =>
      call(first.url, 'POST', `/api/v1/clusters/killed-${i}`, { body: physicalHost() }).catch(
        () => undefined,
      ),
    );
    await saves[0];
    first.child.kill('SIGKILL');
    await Promise.all(saves);
    await first.stop();

    const second = await startApp('clusters-api', { env });
    try {
      const clone = path.join(dataDir, 'tenant-repo');
      expect(git(clone, 'status', '--porcelain')).toBe('');
      git(clone, 'fsck', '--no-progress');
      git(gitlab.bareRepo, 'fsck', '--no-progress');
      expect((await call(second.url, 'GET', '/api/v1/clusters/killed-0')).status).toBe(200);
      expect(
        (await call(second.url, 'POST', '/api/v1/clusters/after-kill', { body: physicalHost() }))
          .status,
      ).toBe(200);
      const listed = await call<{ items: { name: string }[] }>(
        second.url,
        'GET',
        '/api/v1/clusters?field_selector=cluster_name=kill',
      );
      // What landed is consistent: each listed cluster has its file and kustomization entry.
      const fresh = freshClone(scratch, gitlab.cloneUrl);
      for (const { name } of listed.body.items)
        expect(kustomizationResources(fresh)).toContain(`${name}.yaml`);
    } finally {
      await second.stop();
    }
  });
});
