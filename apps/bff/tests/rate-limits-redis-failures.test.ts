import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '../../../scripts/lib/redis-server';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';

/**
 * With REDIS_URL the rate limits count in Redis. A Redis that answers PING but refuses to count
 * — scripting denied by ACL, a read-only replica after a failover, out of memory — must not lift
 * the limits: the BFF counts in its own memory (same limits), /readyz says so, the log says so
 * once, and the count goes back to Redis when Redis can count again. Real redis-servers on
 * 127.0.0.1, the real local GitLab and clusters API (so /readyz is otherwise ready).
 */
const LIMIT = 3;
const ACL_PASSWORD = 'acl-user-password-7f3c';

let stack: GitLabStack;
const running: RunningRedis[] = [];
let bff: TestBff | undefined;

async function redis(args: string[] = []): Promise<RunningRedis> {
  const server = await startRedisServer({ args });
  running.push(server);
  return server;
}

/** As the operator would, with redis-cli: the default user. */
async function asAdmin(url: string, ...commands: string[][]): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for (const command of commands) await client.sendCommand(command);
  } finally {
    await client.close();
  }
}

async function startWith(redisUrl: string): Promise<TestBff> {
  bff = await startBff({
    env: {
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
      REDIS_URL: redisUrl,
      MUTATION_RATE_LIMIT: String(LIMIT),
    },
  });
  return bff;
}

/** Changes without a session: counted first (the limit comes before sessions), then 401. */
async function changes(count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${bff?.url}/api/v1/clusters/not-saved`, {
      method: 'POST',
      headers: { 'x-requested-with': 'cluster-console' },
    });
    await response.body?.cancel();
    statuses.push(response.status);
  }
  return statuses;
}

async function readiness(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${bff?.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const logEvents = (event: string) => (bff?.logs() ?? []).filter((line) => line.event === event);

beforeAll(async () => {
  stack = await startGitLabStack({ redirectUris: [] });
});

afterEach(async () => {
  await bff?.close();
  bff = undefined;
});

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  await stack?.stop();
});

describe('rate limits when Redis cannot count', { timeout: 60_000 }, () => {
  it('when the ACL denies scripting, then the 4th change is refused 429 all the same, /readyz says degraded, the log says so once without the password, and the count is shared again once scripting is allowed', async () => {
    const server = await redis();
    await asAdmin(server.url, [
      'ACL',
      'SETUSER',
      'console',
      'on',
      `>${ACL_PASSWORD}`,
      '~*',
      '&*',
      '+@all',
      '-@scripting',
    ]);
    const port = new URL(server.url).port;
    await startWith(`redis://console:${ACL_PASSWORD}@127.0.0.1:${port}`);

    expect(await changes(LIMIT + 2)).toEqual([401, 401, 401, 429, 429]);
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'degraded',
      degraded: ['rate_limits'],
      checks: { gitlab: 'ok', clusters_api: 'ok', session_store: 'ok' },
    });
    expect(String((ready.body.checks as Record<string, string>).rate_limits)).toMatch(
      /^degraded: counting in each replica's memory .*ACL: scripting denied.*NOPERM/,
    );
    expect(logEvents('rate_limits_degraded')).toHaveLength(1);
    expect(logEvents('rate_limits_degraded')[0]).toMatchObject({ level: 40 });
    expect(bff?.rawLogs()).not.toContain(ACL_PASSWORD);

    // The operator fixes the ACL: within the retry interval the count is in Redis again.
    await asAdmin(server.url, ['ACL', 'SETUSER', 'console', '+@scripting']);
    await sleep(2_100);
    expect(await changes(1)).toEqual([401]);
    expect(logEvents('rate_limits_shared')).toHaveLength(1);
    expect(logEvents('rate_limits_degraded')).toHaveLength(1);
    expect((await readiness()).body).toMatchObject({
      status: 'ready',
      checks: { rate_limits: 'ok' },
    });
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      expect(await client.keys('cluster-console:rl:mutations:*')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('when REDIS_URL names a read-only replica (after a failover), then the 4th change is refused 429 and /readyz says degraded', async () => {
    const primary = await redis();
    const replica = await redis(['--replicaof', '127.0.0.1', new URL(primary.url).port]);
    await startWith(replica.url);

    expect(await changes(LIMIT + 2)).toEqual([401, 401, 401, 429, 429]);
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', degraded: ['rate_limits'] });
    expect(String((ready.body.checks as Record<string, string>).rate_limits)).toMatch(
      /read-only replica.*READONLY/,
    );
    expect(logEvents('rate_limits_degraded')).toHaveLength(1);
  });

  it('when Redis runs out of memory (maxmemory, noeviction) while the BFF runs, then the 4th change is refused 429 and /readyz says degraded', async () => {
    const server = await redis();
    await startWith(server.url);
    expect((await readiness()).body).toMatchObject({ status: 'ready' });
    await asAdmin(
      server.url,
      ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
      ['CONFIG', 'SET', 'maxmemory', '1'],
    );

    expect(await changes(LIMIT + 2)).toEqual([401, 401, 401, 429, 429]);
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', degraded: ['rate_limits'] });
    expect(String((ready.body.checks as Record<string, string>).rate_limits)).toMatch(
      /out of memory.*OOM/,
    );
    expect(logEvents('rate_limits_degraded')).toHaveLength(1);
  });
});
