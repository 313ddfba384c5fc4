import { readFileSync } from 'node:fs';
import {
  ApiErrorBodySchema,
  CONSOLE_CLUSTER_STATUS_PATH,
  CONSOLE_CLUSTER_STATUS_RESOURCE_PATH,
  CONSOLE_CLUSTER_STATUS_STREAM_PATH,
  ClusterResourceReplySchema,
  ClusterStatusListSchema,
  StatusSnapshotSchema,
} from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './support/bff';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort } from './support/listening-server';
import { openSse } from './support/sse-client';
import { signIn } from './support/sign-in';
import { startStatusUsersStack, type StatusUsersStack } from './support/status-stack';

const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** A cluster saved in Git (the fixture's body under this name). */
const SAVED = 'status-host';

/**
 * Live status without a management cluster (the default): the routes' permission rule, what
 * "not configured" looks like, and /metrics' protection, over real HTTP against the real local
 * GitLab and clusters API.
 */
let stack: StatusUsersStack;
let bff: TestBff;
let hidden: TestBff;
const browsers = {} as Record<'outsider' | 'guest' | 'developer' | 'maintainer', HttpBrowser>;

beforeAll(async () => {
  const [listening, hiddenListening] = await Promise.all([listenOnFreePort(), listenOnFreePort()]);
  stack = await startStatusUsersStack([`${listening.url}/auth/callback`]);
  const env = { GITLAB_URL: stack.gitlab.url, CLUSTERS_API_URL: stack.clustersApi.url };
  bff = await startBff({ listening, env });
  // Its /metrics is for 10.0.0.0/8 only: the test, on loopback, is outside.
  hidden = await startBff({
    listening: hiddenListening,
    env: { ...env, INTERNAL_NETWORKS: '10.0.0.0/8' },
  });
  for (const username of ['outsider', 'guest', 'developer', 'maintainer'] as const) {
    browsers[username] = (await signIn(bff.url, { username, password: username })).browser;
  }
  const saved = await browsers.maintainer.api(`${bff.url}/api/v1/clusters/${SAVED}`, {
    method: 'POST',
    json: hostCluster,
  });
  expect(saved.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await bff?.close();
  await hidden?.close();
  await stack?.stop();
});

const STATUS_ROUTES = [
  CONSOLE_CLUSTER_STATUS_STREAM_PATH,
  CONSOLE_CLUSTER_STATUS_PATH,
  CONSOLE_CLUSTER_STATUS_RESOURCE_PATH(SAVED),
];

describe('live status routes: who may read them', () => {
  it.each(STATUS_ROUTES)('when nobody is signed in, then %s answers 401', async (route) => {
    const response = await fetch(`${bff.url}${route}`);
    expect(response.status).toBe(401);
    expect(ApiErrorBodySchema.parse(await response.json()).reason).toBe('UNAUTHENTICATED');
  });

  it.each(['outsider', 'guest'] as const)(
    'when %s (whom the list refuses) asks, then every status route answers 403 with the list’s words',
    async (who) => {
      const list = await browsers[who].api(`${bff.url}/api/v1/clusters`);
      expect(list.status).toBe(403);
      for (const route of STATUS_ROUTES) {
        const response = await browsers[who].api(`${bff.url}${route}`);
        expect(response.status).toBe(403);
        expect(ApiErrorBodySchema.parse(response.json()).message).toBe(
          ApiErrorBodySchema.parse(list.json()).message,
        );
        expect(response.headers.get('content-type')).not.toContain('text/event-stream');
      }
    },
  );
});

describe('live status when no management cluster is set', () => {
  it('when a reader opens the stream, then the snapshot says "not configured" in words', async () => {
    const cookie = browsers.developer.jar.header(new URL(bff.url)) ?? '';
    const stream = await openSse(`${bff.url}${CONSOLE_CLUSTER_STATUS_STREAM_PATH}`, { cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['x-accel-buffering']).toBe('no');
      expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
      const snapshot = StatusSnapshotSchema.parse(
        JSON.parse((await stream.nextEvent('snapshot')).data),
      );
      expect(snapshot.watch.state).toBe('not-configured');
      expect(snapshot.watch.message).toContain('MANAGEMENT_KUBECONFIG');
      expect(snapshot.clusters.name).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('when a reader asks for the JSON, then each cluster in Git is "not configured"', async () => {
    const response = await browsers.developer.api(`${bff.url}${CONSOLE_CLUSTER_STATUS_PATH}`);
    expect(response.status).toBe(200);
    const list = ClusterStatusListSchema.parse(response.json());
    expect(list.watch.state).toBe('not-configured');
    expect(list.clusters).toEqual([
      {
        name: SAVED,
        state: 'not-configured',
        reason_code: 'not-configured',
        reason: expect.stringContaining('Live status is not configured') as string,
        spec_applied: null,
      },
    ]);
  });

  it('when a reader asks for one cluster’s resource, then there is none', async () => {
    const response = await browsers.developer.api(
      `${bff.url}${CONSOLE_CLUSTER_STATUS_RESOURCE_PATH(SAVED)}`,
    );
    expect(response.status).toBe(200);
    expect(ClusterResourceReplySchema.parse(response.json())).toEqual({ resource: null });
  });

  it('when the cluster list is read through the console, then the rest works as before', async () => {
    const list = await browsers.developer.api(`${bff.url}/api/v1/clusters`);
    expect(list.status).toBe(200);
  });
});

describe('/metrics', () => {
  it('when asked from loopback, then it answers Prometheus text with the watch health and requests by route pattern', async () => {
    await browsers.developer.api(`${bff.url}/api/v1/clusters/${SAVED}`);
    const response = await fetch(`${bff.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('cluster_console_status_watch_up{state="not-configured"} 0');
    expect(text).toMatch(
      /cluster_console_http_requests_total\{method="GET",route="\/api\/v1\/clusters\/:name",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /cluster_console_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/console\/cluster-status"\} [1-9]/,
    );
    // Low cardinality: no cluster name in a route label.
    expect(text).not.toContain(`route="/api/v1/clusters/${SAVED}"`);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('when asked from outside INTERNAL_NETWORKS, then it is a 404 as if it did not exist', async () => {
    const response = await fetch(`${hidden.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('nautes_cluster_state');
  });
});
