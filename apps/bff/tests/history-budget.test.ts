import { mkdtempSync, rmSync } from 'node:fs';
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
import { seedHistory } from './support/history-seed';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort } from './support/listening-server';
import { signIn } from './support/sign-in';

/**
 * What one page of history costs GitLab, counted in the real local GitLab's request log, and
 * the bounds on it: the per-user rate limit and the cap on bytes read. The figures are
 * printed (issue 23, item 3).
 */
const BUSY = 'budget-busy';
const DELETED_NAMES = Array.from({ length: 10 }, (_, index) => `budget-gone-${index}`);
const HISTORY = `/api/console/clusters/${BUSY}/history`;
const DELETED = '/api/console/clusters-deleted';

let dataDir: string;
let gitlab: RunningApp;
let bff: TestBff;
let limited: TestBff;
let tiny: TestBff;
let maintainer: HttpBrowser;

/** GitLab API requests the local GitLab logged while `act` ran. */
async function gitlabRequests(act: () => Promise<unknown>): Promise<number> {
  const count = () =>
    gitlab
      .logs()
      .split('\n')
      .filter((line) => line.includes('"path":"/api/v4/')).length;
  const before = count();
  await act();
  // The child's log lines arrive through a pipe: wait until no more come.
  let seen = -1;
  while (seen !== count()) {
    seen = count();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return seen - before;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bff-history-budget-'));
  const servers = [await listenOnFreePort(), await listenOnFreePort(), await listenOnFreePort()];
  gitlab = await startApp('local-gitlab', {
    env: {
      DATA_DIR: path.join(dataDir, 'local-gitlab'),
      CONSOLE_REDIRECT_URIS: servers.map((server) => `${server.url}/auth/callback`).join(','),
      LOG_LEVEL: 'info',
    },
  });
  seedHistory(gitlab.url, { busy: { name: BUSY, saves: 30 }, deleted: DELETED_NAMES });
  // Generous time: 40 file reads run git in the local GitLab, slow on a busy 2-core machine.
  const env = {
    GITLAB_URL: gitlab.url,
    CLUSTERS_API_URL: 'http://127.0.0.1:9',
    GITLAB_TIMEOUT: '60',
    HISTORY_TIMEOUT: '120',
  };
  bff = await startBff({ listening: servers[0], env });
  limited = await startBff({ listening: servers[1], env: { ...env, HISTORY_RATE_LIMIT: '3' } });
  tiny = await startBff({
    listening: servers[2],
    env: { ...env, HISTORY_MAX_PAGE_BYTES: '4096' },
  });
  maintainer = (await signIn(bff.url, { username: 'maintainer', password: 'maintainer' })).browser;
}, 120_000);

afterAll(async () => {
  await Promise.all([bff?.close(), limited?.close(), tiny?.close()]);
  await gitlab?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GitLab requests per page', () => {
  it('when a history page and a deleted page are visited, then revisits and paging cost little', async () => {
    const page = (url: string) => async () => {
      const response = await maintainer.api(`${bff.url}${url}`);
      expect(response.status, response.body).toBe(200);
      return response;
    };
    const figures = {
      history_page1_first: await gitlabRequests(page(`${HISTORY}?per_page=20`)),
      history_page1_revisit: await gitlabRequests(page(`${HISTORY}?per_page=20`)),
      history_page2_first: await gitlabRequests(page(`${HISTORY}?per_page=20&page=2`)),
      history_page2_revisit: await gitlabRequests(page(`${HISTORY}?per_page=20&page=2`)),
      deleted_page1_first: await gitlabRequests(page(`${DELETED}?per_page=20`)),
      deleted_page1_revisit: await gitlabRequests(page(`${DELETED}?per_page=20`)),
      deleted_page2_first: await gitlabRequests(page(`${DELETED}?per_page=20&page=2`)),
    };
    console.log(`GitLab requests per page (per_page=20): ${JSON.stringify(figures)}`);

    // The answers are still whole: 20 entries, then the rest; every deletion listed.
    const history = ClusterHistorySchema.parse((await page(`${HISTORY}?per_page=20`)()).json());
    expect(history.entries).toHaveLength(20);
    expect(history.next_page).toBe(2);
    const deleted = DeletedClustersSchema.parse((await page(`${DELETED}?per_page=20`)()).json());
    expect(deleted.items.map((item) => item.name).sort()).toEqual([...DELETED_NAMES].sort());

    // A first visit: the commit list, two file reads per commit and at most one access lookup.
    expect(figures.history_page1_first).toBeLessThanOrEqual(2 * 20 + 2);
    // A revisit: the commit list (new commits may have come) and at most the access lookup.
    expect(figures.history_page1_revisit).toBeLessThanOrEqual(2);
    expect(figures.history_page2_revisit).toBeLessThanOrEqual(2);
    expect(figures.deleted_page1_revisit).toBeLessThanOrEqual(2);
  }, 240_000);
});

describe('bounds', () => {
  it('when one user asks for more pages than HISTORY_RATE_LIMIT allows, then 429 for that user only', async () => {
    const [first, second] = await Promise.all([
      signIn(limited.url, { username: 'maintainer', password: 'maintainer' }),
      signIn(limited.url, { username: 'developer', password: 'developer' }),
    ]);
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const route = index % 2 === 0 ? HISTORY : DELETED;
      statuses.push((await first.browser.api(`${limited.url}${route}?per_page=1`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await first.browser.api(`${limited.url}${HISTORY}?per_page=1`);
    expect(ApiErrorBodySchema.parse(refused.json())).toMatchObject({
      code: 429,
      reason: 'RATE_LIMITED',
    });
    expect((await second.browser.api(`${limited.url}${HISTORY}?per_page=1`)).status).toBe(200);
  }, 60_000);

  it('when a page would read more than HISTORY_MAX_PAGE_BYTES from GitLab, then 502 saying so', async () => {
    const { browser } = await signIn(tiny.url, { username: 'maintainer', password: 'maintainer' });
    const response = await browser.api(`${tiny.url}${HISTORY}?per_page=20`);
    expect(response.status).toBe(502);
    const body = ApiErrorBodySchema.parse(response.json());
    expect(body.reason).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.message).toContain('per_page');
    const small = await browser.api(`${tiny.url}${HISTORY}?per_page=1`);
    expect(small.status).toBe(200);
  }, 60_000);
});
