import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplicasBehind, type BffReplica } from '../../../scripts/lib/bff-replica';
import { startRedisServer, type RunningRedis } from '../../../scripts/lib/redis-server';
import {
  SERVED_BY_HEADER,
  startRoundRobinBalancer,
  type Balancer,
} from '../../../scripts/lib/round-robin-balancer';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import type { HttpBrowser, HttpResult } from './support/http-browser';
import { signIn } from './support/sign-in';

const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const COOKIE = 'cluster_console_session';
/**
 * The BFF renews a token this long before it expires (its default), so that a token it passes
 * on is still good when the clusters API shows it to GitLab.
 */
const REFRESH_SKEW_SECONDS = 60;
/** Tokens need renewing 3 s after they are issued: the refresh test waits only that long. */
const NEEDS_REFRESH_AFTER_SECONDS = 3;
/** The local GitLab's users.json id of `operator`, who signs in for the refresh test only. */
const OPERATOR_ACCOUNT_ID = '4';

type LogLine = Record<string, unknown>;

function logLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

const servedBy = (response: HttpResult) => response.headers.get(SERVED_BY_HEADER);

/** Log lines come through pipes from other processes: wait until `done` holds, briefly. */
async function waitFor<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3_000;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(50);
    value = read();
  }
  return value;
}

/**
 * The production shape: two BFF processes sharing Redis (same SESSION_SECRET), behind a
 * round-robin balancer without sticky sessions, against the real local GitLab (refresh tokens
 * rotate; reusing one revokes the grant) and the real clusters API.
 */
describe('two BFF replicas behind a round-robin balancer', () => {
  let redis: RunningRedis;
  let balancer: Balancer;
  let stack: GitLabStack;
  let replicas: Record<'A' | 'B', BffReplica>;

  beforeAll(async () => {
    [redis, balancer] = await Promise.all([startRedisServer(), startRoundRobinBalancer()]);
    stack = await startGitLabStack({
      redirectUris: [`${balancer.url}/auth/callback`],
      accessTokenTtlSeconds: REFRESH_SKEW_SECONDS + NEEDS_REFRESH_AFTER_SECONDS,
    });
    const env = {
      PUBLIC_URL: balancer.url,
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
      REDIS_URL: redis.url,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      TOKEN_REFRESH_SKEW: String(REFRESH_SKEW_SECONDS),
    };
    replicas = await startReplicasBehind(balancer, ['A', 'B'], env);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([replicas?.A.stop(), replicas?.B.stop()]);
    await balancer?.close();
    await stack?.stop();
    await redis?.stop();
  });

  const api = (
    browser: HttpBrowser,
    path: string,
    options: Parameters<HttpBrowser['api']>[1] = {},
  ) => browser.api(`${balancer.url}${path}`, options);

  /** The replicas that answered the balancer's requests since `from`, in order. */
  const replicasSince = (from: number) => balancer.served.slice(from).map((entry) => entry.replica);

  it('when a user signs in, lists, saves and deletes, then consecutive requests land on different replicas and all succeed', async () => {
    const from = balancer.served.length;
    const { browser, landedOn } = await signIn(balancer.url, {
      username: 'maintainer',
      password: 'maintainer',
    });
    // /auth/login (state and PKCE verifier stored in Redis) and /auth/callback (which reads
    // them) were answered by different replicas.
    expect(landedOn.pathname).toBe('/');
    const signInReplicas = replicasSince(from);
    expect(signInReplicas).toHaveLength(2);
    expect(new Set(signInReplicas)).toEqual(new Set(['A', 'B']));

    const session = await api(browser, '/auth/session');
    expect(session.status).toBe(200);
    expect(session.json()).toMatchObject({ user: { username: 'maintainer' } });
    const save = await api(browser, '/api/v1/clusters/cluster-host?insecure_skip_check=true', {
      method: 'POST',
      json: hostCluster,
    });
    expect(save.status).toBe(200);
    const list = await api(browser, '/api/v1/clusters');
    expect(list.status).toBe(200);
    expect(list.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toContain(
      'cluster-host',
    );
    const one = await api(browser, '/api/v1/clusters/cluster-host');
    expect(one.status).toBe(200);
    const remove = await api(browser, '/api/v1/clusters/cluster-host', { method: 'DELETE' });
    expect(remove.status).toBe(200);
    const after = await api(browser, '/api/v1/clusters');
    expect(after.json<{ items: { name: string }[] }>().items).toEqual([]);

    const journey = [session, save, list, one, remove, after];
    const served = journey.map(servedBy);
    expect(served.slice(1).every((replica, index) => replica !== served[index])).toBe(true);
    expect(new Set(served)).toEqual(new Set(['A', 'B']));
    expect(balancer.refused).toEqual([]);
  }, 60_000);

  it('when both replicas need to renew a session token at the same moment, then GitLab sees one refresh and the session goes on', async () => {
    const { browser } = await signIn(balancer.url, { username: 'operator', password: 'operator' });
    const signedInAt = Date.now();
    const gitlabLogFrom = stack.gitlab.logs().length;
    const replicaLogFrom = { A: replicas.A.logs().length, B: replicas.B.logs().length };
    await sleep(signedInAt + NEEDS_REFRESH_AFTER_SECONDS * 1_000 + 300 - Date.now());

    // One request per replica, together: each finds in Redis a token that needs renewing.
    const together = await Promise.all([
      api(browser, '/api/v1/clusters'),
      api(browser, '/auth/session'),
    ]);
    expect(together.map((response) => response.status)).toEqual([200, 200]);
    expect(new Set(together.map(servedBy))).toEqual(new Set(['A', 'B']));

    const refreshedOn = await waitFor(
      () =>
        (['A', 'B'] as const).map((name) =>
          logLines(replicas[name].logs().slice(replicaLogFrom[name])).filter(
            (line) => line.event === 'token_refreshed',
          ),
        ),
      (lines) => lines.every((perReplica) => perReplica.length > 0),
    );
    // Both replicas needed a new token; exactly one of them asked GitLab for it.
    expect(refreshedOn.map((lines) => lines.length)).toEqual([1, 1]);
    expect(
      refreshedOn
        .flat()
        .map((line) => line.askedGitLab)
        .sort(),
    ).toEqual([false, true]);

    const grants = await waitFor(
      () =>
        logLines(stack.gitlab.logs().slice(gitlabLogFrom)).filter(
          (line) => line.accountId === OPERATOR_ACCOUNT_ID || line.event === 'grant_revoked',
        ),
      (lines) => lines.length > 0,
    );
    expect(grants.map((line) => [line.event, line.grantType])).toEqual([
      ['token_grant', 'refresh_token'],
    ]);

    // The session goes on, on both replicas: the rotated refresh token was kept.
    const next = await Promise.all([api(browser, '/auth/session'), api(browser, '/auth/session')]);
    expect(next.map((response) => response.status)).toEqual([200, 200]);
    expect(new Set(next.map(servedBy))).toEqual(new Set(['A', 'B']));
  }, 60_000);

  it('when changes alternate replicas, then they count against one rate limit, kept in Redis', async () => {
    // Refused for want of a session (401), but counted first: the limit comes before sessions.
    const post = () =>
      fetch(`${balancer.url}/api/v1/clusters/not-saved`, {
        method: 'POST',
        headers: { 'x-requested-with': 'cluster-console' },
      });
    const from = balancer.served.length;
    const responses = [];
    for (let count = 0; count < 4; count += 1) responses.push(await post());
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    const served = replicasSince(from);
    expect(served.slice(1).every((replica, index) => replica !== served[index])).toBe(true);
    // One count across both: each answer has one request fewer left, whichever replica gave it.
    const remaining = responses.map((response) =>
      Number(/\br=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1]),
    );
    expect(remaining.every(Number.isInteger)).toBe(true);
    const first = remaining[0] ?? 0;
    expect(remaining).toEqual([first, first - 1, first - 2, first - 3]);
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      expect(await client.keys('cluster-console:rl:mutations:*')).toHaveLength(1);
    } finally {
      await client.close();
    }
  }, 30_000);

  it('when replica A is stopped mid-journey, then B serves the same session; when A is back, it serves it too', async () => {
    const { browser } = await signIn(balancer.url, {
      username: 'maintainer',
      password: 'maintainer',
    });
    const cookie = browser.jar.get(COOKIE)?.value;
    // Stop A when the next request would go to it, without telling the balancer.
    let before = await api(browser, '/api/v1/clusters');
    if (servedBy(before) === 'A') before = await api(browser, '/api/v1/clusters');
    expect(before.status).toBe(200);
    expect(servedBy(before)).toBe('B');
    await replicas.A.stop();

    const from = balancer.served.length;
    const save = await api(browser, '/api/v1/clusters/cluster-host?insecure_skip_check=true', {
      method: 'POST',
      json: hostCluster,
    });
    expect(save.status).toBe(200);
    expect(balancer.refused).toEqual(['A']);
    const list = await api(browser, '/api/v1/clusters');
    const remove = await api(browser, '/api/v1/clusters/cluster-host', { method: 'DELETE' });
    const session = await api(browser, '/auth/session');
    expect([list, remove, session].map((response) => response.status)).toEqual([200, 200, 200]);
    expect(replicasSince(from)).toEqual(['B', 'B', 'B', 'B']);
    expect(browser.jar.get(COOKIE)?.value).toBe(cookie);

    await replicas.A.start();
    await balancer.waitUntilUp('A');
    const backFrom = balancer.served.length;
    const again = await Promise.all([api(browser, '/auth/session'), api(browser, '/auth/session')]);
    expect(again.map((response) => response.status)).toEqual([200, 200]);
    expect(
      again.map((response) => response.json<{ user: { username: string } }>().user.username),
    ).toEqual(['maintainer', 'maintainer']);
    expect(new Set(replicasSince(backFrom))).toEqual(new Set(['A', 'B']));
    expect(browser.jar.get(COOKIE)?.value).toBe(cookie);
  }, 240_000);
});
