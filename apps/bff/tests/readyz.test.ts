import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiErrorBodySchema } from '@cluster-console/shared';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RunningRedis } from '../../../scripts/lib/redis-server';
import { READINESS_CACHE_MS } from '../src/health/readiness';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import { listenOnFreePort } from './support/listening-server';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';

/**
 * `/readyz` tells only insiders (loopback, or INTERNAL_NETWORKS) which dependency is down and
 * why; everyone else learns ok / not ok. And it is cheap: a flood of probes costs GitLab, the
 * clusters API and Redis one round of checks per READINESS_CACHE_MS. Real local GitLab, real
 * clusters API (behind a recording hop that counts its /healthz), real redis-server.
 */

interface Answer {
  status: number;
  body: string;
}

/** GET /readyz from a chosen loopback address (127.0.0.2 is loopback too, yet another peer). */
function readyz(
  bffUrl: string,
  options: { from?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL('/readyz', bffUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { localAddress: options.from, headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const json = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

let stack: GitLabStack;
let redis: RunningRedis;
let clustersApi: RecordingUpstream;
const started: TestBff[] = [];

async function bffWith(env: Record<string, string>): Promise<TestBff> {
  const bff = await startBff({
    env: {
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: clustersApi.url,
      REDIS_URL: redis.url,
      ...env,
    },
  });
  started.push(bff);
  return bff;
}

async function redisPings(): Promise<number> {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    const stats = await client.info('commandstats');
    return Number(/cmdstat_ping:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  [stack, redis] = await Promise.all([startGitLabStack({ redirectUris: [] }), startRedisServer()]);
  clustersApi = await startRecordingUpstream(stack.clustersApiUrl);
});

afterAll(async () => {
  await Promise.all(started.map((bff) => bff.close()));
  await clustersApi?.close();
  await Promise.all([stack?.stop(), redis?.stop()]);
});

describe('who learns what /readyz knows', () => {
  it('when a loopback caller asks (the default INTERNAL_NETWORKS), then it gets every check by name', async () => {
    const bff = await bffWith({});
    const answer = await readyz(bff.url);
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({
      status: 'ready',
      checks: { gitlab: 'ok', clusters_api: 'ok', session_store: 'ok', rate_limits: 'ok' },
    });
  });

  it('when the caller is outside INTERNAL_NETWORKS, then it gets ok / not ok and nothing more; an insider gets the details', async () => {
    const bff = await bffWith({ INTERNAL_NETWORKS: '127.0.0.2/32' });
    const outsider = await readyz(bff.url, { from: '127.0.0.1' });
    expect(outsider.status).toBe(200);
    expect(outsider.body).toBe('{"status":"ok"}');
    const insider = await readyz(bff.url, { from: '127.0.0.2' });
    expect(insider.status).toBe(200);
    expect(json(insider)).toMatchObject({ status: 'ready', checks: { gitlab: 'ok' } });
  });

  it('when a dependency is down, then an outsider gets 503 "Not ready." without names or errors; an insider learns which and why', async () => {
    const closed = await listenOnFreePort();
    await closed.close();
    const bff = await bffWith({ INTERNAL_NETWORKS: '127.0.0.2/32', CLUSTERS_API_URL: closed.url });
    const outsider = await readyz(bff.url, { from: '127.0.0.1' });
    expect(outsider.status).toBe(503);
    expect(ApiErrorBodySchema.parse(json(outsider))).toEqual({
      code: 503,
      reason: 'UPSTREAM_UNAVAILABLE',
      message: 'Not ready.',
      metadata: {},
    });
    expect(outsider.body).not.toMatch(/clusters_api|gitlab|127\.0\.0\.1|unavailable/);
    const insider = await readyz(bff.url, { from: '127.0.0.2' });
    expect(insider.status).toBe(503);
    const error = ApiErrorBodySchema.parse(json(insider));
    expect(error.message).toBe('Not ready: clusters_api not reachable.');
    expect(error.metadata.clusters_api).toMatch(/^unavailable/);
  });

  it('when TRUST_PROXY is unset, then a forged X-Forwarded-For changes nothing; when it is set, the forwarded client is judged', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.7' };
    const direct = await bffWith({});
    expect(json(await readyz(direct.url, { headers: forwarded }))).toMatchObject({
      status: 'ready',
      checks: { gitlab: 'ok' },
    });
    const behindProxy = await bffWith({ TRUST_PROXY: 'loopback' });
    const throughProxy = await readyz(behindProxy.url, { headers: forwarded });
    expect(throughProxy.status).toBe(200);
    expect(throughProxy.body).toBe('{"status":"ok"}');
    // The proxy's own probe (no forwarded client) is still the loopback caller it is.
    expect(json(await readyz(behindProxy.url))).toMatchObject({ status: 'ready' });
  });
});

describe('a flood of /readyz', () => {
  it('when 50 callers ask at once, then GitLab, the clusters API and Redis are each asked once, and again only after the cache time', async () => {
    const bff = await bffWith({});
    // Let the start-up warm-up discovery finish, so only /readyz's own asks are counted.
    await sleep(READINESS_CACHE_MS);
    const before = {
      gitlab: bff.services.gitlab.stats.discoveries,
      clustersApi: clustersApi.exchanges.filter((exchange) => exchange.url === '/healthz').length,
      redis: await redisPings(),
    };
    const asked = () => ({
      gitlab: bff.services.gitlab.stats.discoveries - before.gitlab,
      clustersApi:
        clustersApi.exchanges.filter((exchange) => exchange.url === '/healthz').length -
        before.clustersApi,
    });

    const answers = await Promise.all(Array.from({ length: 50 }, () => readyz(bff.url)));
    expect(answers.map((answer) => answer.status)).toEqual(Array<number>(50).fill(200));
    // The last 50 ask within the cache time of the first round: no new round.
    const more = await Promise.all(Array.from({ length: 50 }, () => readyz(bff.url)));
    expect(more.every((answer) => answer.status === 200)).toBe(true);
    expect(asked()).toEqual({ gitlab: 1, clustersApi: 1 });
    // redisPings() itself is no PING; the session store's check is.
    expect((await redisPings()) - before.redis).toBe(1);

    await sleep(READINESS_CACHE_MS + 100);
    await Promise.all(Array.from({ length: 50 }, () => readyz(bff.url)));
    expect(asked()).toEqual({ gitlab: 2, clustersApi: 2 });
    expect((await redisPings()) - before.redis).toBe(2);
  });
});
