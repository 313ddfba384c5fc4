import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  CONSOLE_CLUSTER_STATUS_PATH,
  CONSOLE_CLUSTER_STATUS_RESOURCE_PATH,
  CONSOLE_CLUSTER_STATUS_STREAM_PATH,
  ClusterChangeSchema,
  ClusterResourceReplySchema,
  ClusterStatusListSchema,
  StatusSnapshotSchema,
} from '@cluster-console/shared';
import { startLocalKube, type LocalKube } from '@cluster-console/local-kube';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplicasBehind, type BffReplica } from '../../../scripts/lib/bff-replica';
import { startRedisServer, type RunningRedis } from '../../../scripts/lib/redis-server';
import {
  SERVED_BY_HEADER,
  startRoundRobinBalancer,
  type Balancer,
} from '../../../scripts/lib/round-robin-balancer';
import { startBff, type TestBff } from './support/bff';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort } from './support/listening-server';
import { createCluster, writeKubeconfig } from './support/management-kube';
import { openSse, type SseClient } from './support/sse-client';
import { signIn } from './support/sign-in';
import { startStatusUsersStack, type StatusUsersStack } from './support/status-stack';

const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** What cluster-operator writes when the secret store refuses, through the API as it would. */
function patchStatus(kube: LocalKube, name: string, message: string): Promise<number> {
  const body = JSON.stringify({
    status: {
      conditions: [
        {
          type: 'SecretStoreReady',
          status: 'False',
          reason: 'RegularUpdate',
          message,
          lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        },
      ],
    },
  });
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: kube.port,
        method: 'PATCH',
        path: `/apis/nautes.resource.nautes.io/v1alpha1/namespaces/nautes/clusters/${name}/status`,
        ca: kube.authority.certPem,
        headers: {
          authorization: `Bearer ${kube.credentials.deployer?.token ?? ''}`,
          'content-type': 'application/merge-patch+json',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let kube: LocalKube;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  kube = await startLocalKube();
  dir = mkdtempSync(path.join(os.tmpdir(), 'bff-status-live-'));
  kubeconfig = writeKubeconfig(kube, dir, 'cluster-watcher');
  createCluster(kube, 'live-one');
});

afterAll(async () => {
  await kube?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('live status from the management cluster (one BFF)', () => {
  let stack: StatusUsersStack;
  let bff: TestBff;
  let developer: HttpBrowser;

  beforeAll(async () => {
    const listening = await listenOnFreePort();
    stack = await startStatusUsersStack([`${listening.url}/auth/callback`]);
    bff = await startBff({
      listening,
      env: {
        GITLAB_URL: stack.gitlab.url,
        CLUSTERS_API_URL: stack.clustersApi.url,
        MANAGEMENT_KUBECONFIG: kubeconfig,
        ARGOCD_APPLICATION: 'nautes',
      },
    });
    developer = (await signIn(bff.url, { username: 'developer', password: 'developer' })).browser;
    const maintainer = (await signIn(bff.url, { username: 'maintainer', password: 'maintainer' }))
      .browser;
    const saved = await maintainer.api(`${bff.url}/api/v1/clusters/git-only`, {
      method: 'POST',
      json: hostCluster,
    });
    expect(saved.status).toBe(200);
    const deadline = Date.now() + 20_000;
    while (bff.services.clusterStatus.hub.health().state !== 'up' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 180_000);

  afterAll(async () => {
    await bff?.close();
    await stack?.stop();
  });

  it('when a reader opens the stream, then the snapshot has the resource, and an operator’s status PATCH arrives as a change', async () => {
    const cookie = developer.jar.header(new URL(bff.url)) ?? '';
    const stream = await openSse(`${bff.url}${CONSOLE_CLUSTER_STATUS_STREAM_PATH}`, { cookie });
    try {
      const snapshot = StatusSnapshotSchema.parse(
        JSON.parse((await stream.nextEvent('snapshot')).data),
      );
      expect(snapshot.watch.state).toBe('up');
      expect(snapshot.clusters.name).toContain('live-one');
      expect(JSON.stringify(snapshot)).not.toContain('apiServer');
      expect(
        await patchStatus(kube, 'live-one', 'sync cluster info to secret store failed: x'),
      ).toBe(200);
      const change = ClusterChangeSchema.parse(
        JSON.parse((await stream.nextEvent('cluster')).data),
      );
      expect(change.name).toBe('live-one');
      expect(change.digest).toMatchObject({
        state: 'error',
        reason: {
          code: 'condition-false',
          type: 'SecretStoreReady',
          operator: 'cluster-operator',
          message: 'sync cluster info to secret store failed: x',
        },
      });
    } finally {
      stream.close();
    }
  });

  it('when a reader asks for the JSON, then Git’s clusters without a resource wait for sync and resources say their state', async () => {
    await expect
      .poll(() => bff.services.clusterStatus.hub.resource('live-one')?.conditions.length)
      .toBe(1);
    const response = await developer.api(`${bff.url}${CONSOLE_CLUSTER_STATUS_PATH}`);
    expect(response.status).toBe(200);
    const list = ClusterStatusListSchema.parse(response.json());
    expect(list.watch.state).toBe('up');
    const byName = Object.fromEntries(list.clusters.map((entry) => [entry.name, entry]));
    expect(byName['git-only']).toMatchObject({
      state: 'waiting-for-sync',
      reason_code: 'waiting-create',
    });
    // In the management cluster but not in Git: Argo CD has not removed it yet.
    expect(byName['live-one']).toMatchObject({
      state: 'waiting-for-sync',
      reason_code: 'waiting-removal',
    });
  });

  it('when a reader asks for one cluster’s resource, then it gets the whole trimmed view: conditions with their operator, never the spec', async () => {
    await expect
      .poll(() => bff.services.clusterStatus.hub.resource('live-one')?.conditions.length)
      .toBe(1);
    const response = await developer.api(
      `${bff.url}${CONSOLE_CLUSTER_STATUS_RESOURCE_PATH('live-one')}`,
    );
    expect(response.status).toBe(200);
    const { resource } = ClusterResourceReplySchema.parse(response.json());
    expect(resource?.conditions[0]).toMatchObject({
      type: 'SecretStoreReady',
      status: 'False',
      operator: 'cluster-operator',
      message: 'sync cluster info to secret store failed: x',
    });
    expect(JSON.stringify(resource)).not.toContain('apiServer');
    const missing = await developer.api(
      `${bff.url}${CONSOLE_CLUSTER_STATUS_RESOURCE_PATH('no-such-cluster')}`,
    );
    expect(ClusterResourceReplySchema.parse(missing.json())).toEqual({ resource: null });
  });

  it('when Prometheus scrapes, then each cluster has one state at 1 and the watch is up', async () => {
    const text = await (await fetch(`${bff.url}/metrics`)).text();
    expect(text).toContain('nautes_cluster_state{cluster="live-one",state="error"} 1');
    expect(text).toContain('nautes_cluster_state{cluster="live-one",state="ready"} 0');
    expect(text).toContain('cluster_console_status_watch_up{state="up"} 1');
    expect(text).toMatch(/cluster_console_status_watch_state_age_seconds \d/);
  });
});

describe('live status behind two replicas, under a path prefix', () => {
  let redis: RunningRedis;
  let balancer: Balancer;
  let stack: StatusUsersStack;
  let replicas: Record<'A' | 'B', BffReplica>;
  let base: string;

  beforeAll(async () => {
    [redis, balancer] = await Promise.all([startRedisServer(), startRoundRobinBalancer()]);
    base = `${balancer.url}/console`;
    stack = await startStatusUsersStack([`${base}/auth/callback`]);
    replicas = await startReplicasBehind(balancer, ['A', 'B'], {
      PUBLIC_URL: `${base}/`,
      GITLAB_URL: stack.gitlab.url,
      CLUSTERS_API_URL: stack.clustersApi.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      MANAGEMENT_KUBECONFIG: kubeconfig,
    });
  }, 300_000);

  afterAll(async () => {
    await Promise.all(Object.values(replicas ?? {}).map((replica) => replica.stop()));
    await stack?.stop();
    await balancer?.close();
    await redis?.stop();
  });

  it('when two streams land on the two replicas, then both get the snapshot and the same change', async () => {
    const { browser } = await signIn(base, { username: 'developer', password: 'developer' });
    const cookie = browser.jar.header(new URL(`${base}/`)) ?? '';
    const streams: SseClient[] = [];
    try {
      for (let index = 0; index < 2; index += 1) {
        streams.push(await openSse(`${base}${CONSOLE_CLUSTER_STATUS_STREAM_PATH}`, { cookie }));
      }
      expect(streams.map((stream) => stream.status)).toEqual([200, 200]);
      expect(new Set(streams.map((stream) => stream.headers[SERVED_BY_HEADER]))).toEqual(
        new Set(['A', 'B']),
      );
      for (const stream of streams) {
        await expect
          .poll(() => {
            const snapshot = StatusSnapshotSchema.parse(
              JSON.parse(stream.events.find((event) => event.event === 'snapshot')?.data ?? '{}'),
            );
            return snapshot.clusters.name;
          })
          .toContain('live-one');
      }
      // A replica's watch may still be starting: wait for both to be up before the change.
      for (const stream of streams) {
        const snapshot = StatusSnapshotSchema.parse(
          JSON.parse((await stream.nextEvent('snapshot')).data),
        );
        if (snapshot.watch.state !== 'up') await stream.nextEvent('watch', 20_000);
      }
      expect(await patchStatus(kube, 'live-one', 'seen by both replicas')).toBe(200);
      for (const stream of streams) {
        await expect
          .poll(
            () =>
              stream.events.some(
                (event) =>
                  event.event === 'cluster' && event.data.includes('seen by both replicas'),
              ),
            { timeout: 10_000 },
          )
          .toBe(true);
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
