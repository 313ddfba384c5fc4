import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ApiErrorBodySchema,
  ClusterHistorySchema,
  DeletedClustersSchema,
} from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../scripts/lib/app-process';
import { startBff, type TestBff } from './support/bff';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { readSession } from './support/session-inspection';
import { signIn } from './support/sign-in';

/**
 * The history routes over real HTTP: the BFF reads the real local GitLab's repository API with
 * the session's token, after real saves and a delete through the BFF's proxy and the real
 * clusters API. Two maintainers (only Maintainers may push to the protected main branch): the
 * users file gets a second one, `operator`.
 */
const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const NAME = 'cluster-hist';
const HISTORY = `/api/console/clusters/${NAME}/history`;
const DELETED = '/api/console/clusters-deleted';

let dataDir: string;
let listening: ListeningServer;
let gitlab: RunningApp;
let clustersApi: RunningApp;
let bff: TestBff;
const browsers = {} as Record<
  'maintainer' | 'operator' | 'developer' | 'outsider' | 'guest',
  HttpBrowser
>;

function usersFileWithGuest(): string {
  const source = path.resolve(import.meta.dirname, '../../local-gitlab/users.json');
  const users = JSON.parse(readFileSync(source, 'utf8')) as {
    users: Record<string, unknown>[];
    projects: { members: { username: string; access_level: number }[] }[];
  };
  users.users.push({
    id: 5,
    username: 'guest',
    password: 'guest',
    name: 'Local Guest',
    email: 'guest@local-gitlab.test',
    avatar_url: null,
    personal_access_tokens: [],
  });
  // `operator` (a second Maintainer) is one of the default users; a Guest is not.
  users.projects[0]?.members.push({ username: 'guest', access_level: 10 });
  const file = path.join(dataDir, 'users.json');
  writeFileSync(file, JSON.stringify(users));
  return file;
}

async function call(who: keyof typeof browsers, url: string, init = {}) {
  return browsers[who].api(`${bff.url}${url}`, init);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bff-history-'));
  listening = await listenOnFreePort();
  gitlab = await startApp('local-gitlab', {
    env: {
      DATA_DIR: path.join(dataDir, 'local-gitlab'),
      CONSOLE_REDIRECT_URIS: `${listening.url}/auth/callback`,
      USERS_FILE: usersFileWithGuest(),
    },
  });
  clustersApi = await startApp('clusters-api', {
    env: {
      DATA_DIR: path.join(dataDir, 'clusters-api'),
      GITLAB_URL: gitlab.url,
      TENANT_REPO_URL: `${gitlab.url}/nautes/tenant-config.git`,
    },
  });
  bff = await startBff({
    listening,
    env: { GITLAB_URL: gitlab.url, CLUSTERS_API_URL: clustersApi.url },
  });
  for (const username of ['maintainer', 'operator', 'developer', 'outsider', 'guest'] as const) {
    browsers[username] = (await signIn(bff.url, { username, password: username })).browser;
  }

  const save = (who: 'maintainer' | 'operator', body: Record<string, unknown>) =>
    call(who, `/api/v1/clusters/${NAME}?insecure_skip_check=true`, { method: 'POST', json: body });
  expect((await save('maintainer', hostCluster)).status).toBe(200);
  // An update without a kubeconfig keeps the stored one.
  const withoutKubeconfig = { ...hostCluster };
  delete withoutKubeconfig.kubeconfig;
  const changed = {
    ...withoutKubeconfig,
    traefik: { http_node_port: '30081', https_node_port: '30443' },
  };
  expect((await save('operator', changed)).status).toBe(200);
  expect((await call('maintainer', `/api/v1/clusters/${NAME}`, { method: 'DELETE' })).status).toBe(
    200,
  );
}, 120_000);

afterAll(async () => {
  await bff?.close();
  await clustersApi?.stop();
  await gitlab?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/console/clusters/:name/history', () => {
  it('when a cluster was saved by two users then deleted, then its history lists all three newest first', async () => {
    const response = await call('developer', HISTORY);
    expect(response.status).toBe(200);
    const history = ClusterHistorySchema.parse(response.json());
    expect(history.next_page).toBeUndefined();
    expect(
      history.entries.map((entry) => [entry.change, entry.commit.author_name, entry.commit.title]),
    ).toEqual([
      ['deleted', 'Local Maintainer', `Delete cluster ${NAME}`],
      ['updated', 'Local Operator', `Save cluster ${NAME}`],
      ['created', 'Local Maintainer', `Save cluster ${NAME}`],
    ]);
    const [deleted, updated, created] = history.entries;
    expect(updated?.fields).toEqual([
      { field: 'spec.traefik.httpNodePort', before: '30080', after: '30081' },
    ]);
    expect(created?.fields).toEqual(
      expect.arrayContaining([
        { field: 'metadata.name', before: null, after: NAME },
        { field: 'spec.usage', before: null, after: 'host' },
        { field: 'spec.apiServer', before: null, after: 'https://8.217.50.114:6443' },
      ]),
    );
    expect(created?.fields.every((field) => field.before === null)).toBe(true);
    expect(deleted?.fields).toContainEqual({
      field: 'spec.traefik.httpNodePort',
      before: '30081',
      after: null,
    });
    for (const entry of history.entries) {
      expect(entry.commit.web_url).toBe(
        `${gitlab.url}/nautes/tenant-config/-/commit/${entry.commit.id}`,
      );
      expect(entry.commit.short_id).toBe(entry.commit.id.slice(0, 8));
      expect(Date.parse(entry.commit.authored_date)).not.toBeNaN();
    }
    expect(response.body).not.toMatch(/kubeconfig|client-key-data|BEGIN/i);
  });

  it('when paged one or two at a time, then next_page leads to the older entries', async () => {
    const first = ClusterHistorySchema.parse(
      (await call('maintainer', `${HISTORY}?per_page=2`)).json(),
    );
    expect(first.entries.map((entry) => entry.change)).toEqual(['deleted', 'updated']);
    expect(first.next_page).toBe(2);
    const second = ClusterHistorySchema.parse(
      (await call('maintainer', `${HISTORY}?per_page=2&page=${first.next_page}`)).json(),
    );
    expect(second.entries.map((entry) => entry.change)).toEqual(['created']);
    expect(second.next_page).toBeUndefined();
    const ones = ClusterHistorySchema.parse(
      (await call('maintainer', `${HISTORY}?per_page=1&page=2`)).json(),
    );
    expect(ones.entries.map((entry) => entry.change)).toEqual(['updated']);
    expect(ones.next_page).toBe(3);
  });

  it('when a cluster never existed, then its history is empty', async () => {
    const response = await call('maintainer', '/api/console/clusters/never-there/history');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ entries: [] });
  });

  it("when a user cannot read the tenant project, then GitLab's 404 comes back in words", async () => {
    const response = await call('outsider', HISTORY);
    expect(response.status).toBe(404);
    const body = ApiErrorBodySchema.parse(response.json());
    expect(body).toMatchObject({ code: 404, reason: 'RESOURCE_NOT_FOUND' });
    expect(body.message).toContain('nautes/tenant-config');
    expect(body.message).toContain('404 Project Not Found');
    expect((await call('outsider', DELETED)).status).toBe(404);
  });

  it("when a Guest of the private project asks, then GitLab's 403 comes back as NO_AUTHORIZATION", async () => {
    const response = await call('guest', HISTORY);
    expect(response.status).toBe(403);
    expect(ApiErrorBodySchema.parse(response.json())).toMatchObject({
      code: 403,
      reason: 'NO_AUTHORIZATION',
    });
  });

  it("when GitLab no longer takes the session's token, then 401 UNAUTHENTICATED", async () => {
    const { browser } = await signIn(bff.url, { username: 'developer', password: 'developer' });
    const token = (await readSession(bff.services.store, browser.jar))?.tokens?.accessToken ?? '';
    const revoke = await fetch(`${gitlab.url}/oauth/revoke`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('cluster-console:cluster-console-local-secret').toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
    });
    expect(revoke.status).toBe(200);
    const response = await browser.api(`${bff.url}${HISTORY}`);
    expect(response.status).toBe(401);
    expect(ApiErrorBodySchema.parse(response.json())).toMatchObject({ reason: 'UNAUTHENTICATED' });
    expect(response.body).not.toContain(token);
  });

  it('when nobody is signed in, then 401 UNAUTHENTICATED', async () => {
    for (const route of [HISTORY, DELETED]) {
      const response = await fetch(`${bff.url}${route}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { reason: string }).reason).toBe('UNAUTHENTICATED');
    }
  });

  it.each([
    ['/api/console/clusters/Not_A_Name/history', 404],
    [`${HISTORY}?page=0`, 400],
    [`${HISTORY}?per_page=101`, 400],
    [`${DELETED}?page=x`, 400],
  ])('when asked %s, then %i in the error shape', async (url, status) => {
    const response = await call('maintainer', url);
    expect(response.status).toBe(status);
    ApiErrorBodySchema.parse(response.json());
  });
});

describe('GET /api/console/clusters-deleted', () => {
  it('when a cluster was deleted, then it is listed with when and who, and its history is reachable', async () => {
    const response = await call('developer', DELETED);
    expect(response.status).toBe(200);
    const deleted = DeletedClustersSchema.parse(response.json());
    expect(deleted.items).toEqual([
      {
        name: NAME,
        deleted_at: expect.any(String) as string,
        deleted_by: 'Local Maintainer',
        commit: expect.objectContaining({ title: `Delete cluster ${NAME}` }) as object,
      },
    ]);
    const history = ClusterHistorySchema.parse(
      (
        await call('developer', `/api/console/clusters/${deleted.items[0]?.name ?? ''}/history`)
      ).json(),
    );
    expect(history.entries[0]?.commit.id).toBe(deleted.items[0]?.commit.id);
  });

  it('when paged one commit at a time, then next_page goes on through pages without deletions', async () => {
    const first = DeletedClustersSchema.parse(
      (await call('maintainer', `${DELETED}?per_page=1`)).json(),
    );
    expect(first.items.map((item) => item.name)).toEqual([NAME]);
    expect(first.next_page).toBe(2);
    const second = DeletedClustersSchema.parse(
      (await call('maintainer', `${DELETED}?per_page=1&page=2`)).json(),
    );
    expect(second.items).toEqual([]);
    expect(second.next_page).toBe(3);
  });
});

describe('when GitLab is away', () => {
  it('then the history answers 502 UPSTREAM_UNAVAILABLE', async () => {
    await gitlab.stop();
    const response = await call('maintainer', HISTORY);
    expect(response.status).toBe(502);
    expect(ApiErrorBodySchema.parse(response.json())).toMatchObject({
      reason: 'UPSTREAM_UNAVAILABLE',
    });
  });
});
