import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiErrorBodySchema, ClusterHistorySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../scripts/lib/app-process';
import { startBff, type TestBff } from './support/bff';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort } from './support/listening-server';
import { signIn } from './support/sign-in';
import { writeTenantUsersFile } from './support/tenant-users';

/**
 * The rule "Reporter or more reads clusters" on the console's own routes, against the real local
 * GitLab with the tenant project INTERNAL: there GitLab lets every signed-in user read the
 * repository, so only the console's check keeps outsiders and Guests from the history the
 * clusters API's list refuses them. The refusals are compared with the clusters API's own.
 */
const HISTORY = '/api/console/clusters/some-cluster/history';
const DELETED = '/api/console/clusters-deleted';
const USERS = ['outsider', 'guest', 'reporter', 'developer', 'maintainer'] as const;

let dataDir: string;
let gitlab: RunningApp;
let clustersApi: RunningApp;
let bff: TestBff;
const browsers = {} as Record<(typeof USERS)[number], HttpBrowser>;

/** Requests the local GitLab logged for the tenant project itself (not its repository). */
function projectLookups(): number {
  return gitlab
    .logs()
    .split('\n')
    .filter((line) => line.includes('"path":"/api/v4/projects/nautes%2Ftenant-config"')).length;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bff-tenant-access-'));
  const listening = await listenOnFreePort();
  gitlab = await startApp('local-gitlab', {
    env: {
      DATA_DIR: path.join(dataDir, 'local-gitlab'),
      CONSOLE_REDIRECT_URIS: `${listening.url}/auth/callback`,
      USERS_FILE: writeTenantUsersFile(dataDir, {
        visibility: 'internal',
        extra: { guest: 10, reporter: 20 },
      }),
      LOG_LEVEL: 'info',
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
  for (const username of USERS) {
    browsers[username] = (await signIn(bff.url, { username, password: username })).browser;
  }
}, 120_000);

afterAll(async () => {
  await bff?.close();
  await clustersApi?.stop();
  await gitlab?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('requireClusterReader on an internal tenant project', () => {
  it.each([
    ['outsider', 'are not a member of the tenant configuration repository nautes/tenant-config'],
    ['guest', 'needs at least the Reporter role on nautes/tenant-config; you (guest) are Guest'],
  ] as const)(
    'when %s (whom GitLab lets read the code) asks for history or deleted clusters, then 403 with the list’s words',
    async (who, words) => {
      const list = await browsers[who].api(`${bff.url}/api/v1/clusters`);
      expect(list.status).toBe(403);
      const listMessage = ApiErrorBodySchema.parse(list.json()).message;
      expect(listMessage).toContain(words);
      for (const route of [HISTORY, DELETED]) {
        const response = await browsers[who].api(`${bff.url}${route}`);
        expect(response.status).toBe(403);
        const body = ApiErrorBodySchema.parse(response.json());
        expect(body).toMatchObject({ code: 403, reason: 'NO_AUTHORIZATION' });
        expect(body.message).toBe(listMessage);
        expect(response.body).not.toContain('some-cluster');
      }
    },
  );

  it.each(['reporter', 'developer', 'maintainer'] as const)(
    'when %s asks, then the history and the deleted clusters are answered',
    async (who) => {
      const history = await browsers[who].api(`${bff.url}${HISTORY}`);
      expect(history.status).toBe(200);
      expect(ClusterHistorySchema.parse(history.json())).toEqual({ entries: [] });
      expect((await browsers[who].api(`${bff.url}${DELETED}`)).status).toBe(200);
    },
  );

  it('when one user sends many requests at once, then GitLab is asked once for the level', async () => {
    const { browser } = await signIn(bff.url, { username: 'reporter', password: 'reporter' });
    const before = projectLookups();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => browser.api(`${bff.url}${DELETED}`)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(projectLookups() - before).toBe(1);
  });
});
