import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  APPLICATIONS,
  CLUSTERS,
  startLocalKube,
  type LocalKube,
} from '@cluster-console/local-kube';
import type { Config } from '../src/config';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startClusterStatus,
  type ClusterStatus,
} from '../src/cluster-status/cluster-status.service';
import type { StatusEvent } from '../src/cluster-status/status-hub';
import { createCluster, writeCondition, writeKubeconfig } from './support/management-kube';

/**
 * The BFF's watch of the management cluster against the Kubernetes API stand-in
 * (apps/local-kube, HTTPS with its own CA, RBAC per user): list, watch events, a dropped watch
 * resumed, 410 relisted, 401/403 told in words, restarts with a growing delay.
 */
let kube: LocalKube;
let dir: string;
const running: ClusterStatus[] = [];
const BACKOFF = { initialMs: 150, maxMs: 600 };

beforeAll(async () => {
  kube = await startLocalKube();
  dir = mkdtempSync(path.join(os.tmpdir(), 'bff-status-watch-'));
});

afterEach(async () => {
  for (const status of running.splice(0)) status.close();
  for (const cluster of kube.store.list(CLUSTERS, 'nautes')) {
    kube.store.modify(CLUSTERS, 'nautes', cluster.metadata.name, (current) => ({
      ...current,
      metadata: { ...current.metadata, finalizers: [] },
    }));
    if (kube.store.get(CLUSTERS, 'nautes', cluster.metadata.name)) {
      kube.store.delete(CLUSTERS, 'nautes', cluster.metadata.name);
    }
  }
  await expect.poll(() => kube.openWatches()).toBe(0);
});

afterAll(async () => {
  await kube?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(
  user = 'cluster-watcher',
  settings: Partial<Config['clusterStatus']> = {},
  token?: string,
) {
  const status = await startClusterStatus(
    {
      source: { kind: 'kubeconfig', path: writeKubeconfig(kube, dir, user, token) },
      namespace: 'nautes',
      argoApplication: undefined,
      ...settings,
    },
    pino({ level: 'silent' }),
    { backoff: BACKOFF },
  );
  running.push(status);
  const events: StatusEvent[] = [];
  status.hub.subscribe((event) => events.push(event));
  return { status, hub: status.hub, events };
}

const lists = () =>
  kube.requests.filter(
    (request) =>
      request.path.startsWith(
        '/apis/nautes.resource.nautes.io/v1alpha1/namespaces/nautes/clusters',
      ) && !request.path.includes('watch=true'),
  ).length;
const names = (status: ClusterStatus) =>
  [...status.hub.resources()].map((view) => view.name).sort();

describe('the watch of Cluster resources', () => {
  it('when resources exist before it starts, then the first list brings them and the watch is up', async () => {
    createCluster(kube, 'alpha');
    createCluster(kube, 'beta');
    const { status, hub } = await start();
    await expect.poll(() => hub.health().state).toBe('up');
    expect(names(status)).toEqual(['alpha', 'beta']);
    expect(hub.health().message).toBe('Watching the management cluster.');
  });

  it('when resources are added, change status and are deleted, then each change reaches the hub as an event', async () => {
    const { hub, events } = await start();
    await expect.poll(() => hub.health().state).toBe('up');
    await expect.poll(() => kube.openWatches()).toBe(1);
    createCluster(kube, 'gamma');
    writeCondition(kube, 'gamma', false, 'sync cluster info to secret store failed: vault sealed');
    await expect
      .poll(() => hub.resource('gamma')?.conditions[0]?.message)
      .toBe('sync cluster info to secret store failed: vault sealed');
    kube.store.delete(CLUSTERS, 'nautes', 'gamma');
    await expect.poll(() => hub.resource('gamma')).toBeNull();
    const changes = events
      .filter((event) => event.name === 'cluster')
      .map((event) => JSON.parse(event.data) as { name: string; digest: unknown });
    expect(changes.map((change) => [change.name, change.digest === null])).toEqual([
      ['gamma', false],
      ['gamma', false],
      ['gamma', true],
    ]);
  });

  it.each([false, true])(
    'when the server ends the watch (abrupt: %s), then it is resumed from the kept version without a new list, and later changes arrive',
    async (abrupt) => {
      const { hub } = await start();
      await expect.poll(() => hub.health().state).toBe('up');
      await expect.poll(() => kube.openWatches()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const listed = lists();
      const watchesBefore = kube.requests.filter((request) =>
        request.path.includes('watch=true'),
      ).length;
      kube.dropWatches({ abrupt });
      createCluster(kube, 'after-drop');
      await expect.poll(() => hub.resource('after-drop')?.name).toBe('after-drop');
      expect(lists()).toBe(listed);
      const resumed = kube.requests.filter((request) => request.path.includes('watch=true'));
      expect(resumed.length).toBeGreaterThan(watchesBefore);
      expect(resumed.at(-1)?.path).toMatch(/resourceVersion=[1-9]/);
      expect(hub.health().state).toBe('up');
    },
  );

  it('when the kept version is too old (410), then it lists again and loses nothing', async () => {
    const { hub } = await start();
    await expect.poll(() => hub.health().state).toBe('up');
    await expect.poll(() => kube.openWatches()).toBe(1);
    const listed = lists();
    createCluster(kube, 'before-compaction');
    await expect.poll(() => hub.resource('before-compaction')?.name).toBe('before-compaction');
    // A change the watch misses while away, then the history before it forgotten.
    kube.dropWatches();
    createCluster(kube, 'while-away');
    kube.compact();
    await expect
      .poll(() => hub.resource('while-away')?.name, { timeout: 5_000 })
      .toBe('while-away');
    expect(lists()).toBe(listed + 1);
    expect(names({ hub } as ClusterStatus)).toEqual(['before-compaction', 'while-away']);
  });

  it('when the token is unknown (401), then the watch is down, in words naming the credentials', async () => {
    const { hub } = await start('cluster-watcher', {}, 'not-a-known-token');
    await expect.poll(() => hub.health().state).toBe('down');
    expect(hub.health().message).toContain('did not accept the console');
    expect(hub.health().message).toContain('401 Unauthorized');
    expect(hub.health().since).not.toBeNull();
  });

  it('when the account may not list clusters (403), then the watch is down with the server’s words and what to grant', async () => {
    const { hub } = await start('nobody');
    await expect.poll(() => hub.health().state).toBe('down');
    expect(hub.health().message).toContain('403 Forbidden');
    expect(hub.health().message).toContain('cannot list resource "clusters"');
    expect(hub.health().message).toContain(
      'grant get, list and watch on clusters.nautes.resource.nautes.io',
    );
  });

  it('when watches keep failing, then it restarts after a doubling delay, is down meanwhile, and up once the server answers', async () => {
    const { hub } = await start();
    await expect.poll(() => hub.health().state).toBe('up');
    await expect.poll(() => kube.openWatches()).toBe(1);
    const isWatch = (request: { path: string }) => request.path.includes('watch=true');
    const watchesBefore = kube.requests.filter(isWatch).length;
    // When each later watch request reached the server (stamped on arrival, not polled for).
    const watchTimes = () =>
      kube.requests
        .filter(isWatch)
        .slice(watchesBefore)
        .map((request) => request.at);
    kube.failNext({ verb: 'watch', code: 500, message: 'etcd is unhappy', times: 3 });
    // Immediately after start: the watch lived under a second, so it waits before resuming.
    kube.dropWatches();
    await expect.poll(() => hub.health().state, { timeout: 5_000 }).toBe('down');
    expect(hub.health().message).toContain('HTTP 500');
    // (A refused watch carries only its status line: the library drops the body.)
    await expect.poll(() => hub.health().state, { timeout: 10_000 }).toBe('up');
    // "Up" may come with the list before the accepted watch: wait until that watch is seen.
    await expect.poll(() => watchTimes().length).toBeGreaterThanOrEqual(4);
    const times = watchTimes();
    // Attempts: the resumed watch and two retries fail (3 faults), the fourth is accepted.
    expect(times.length).toBeGreaterThanOrEqual(4);
    const gaps = times.slice(1, 4).map((time, index) => time - (times[index] ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(BACKOFF.initialMs * 0.9);
    expect(gaps[1]).toBeGreaterThanOrEqual(BACKOFF.initialMs * 2 * 0.9);
    expect(gaps[2]).toBeGreaterThanOrEqual(BACKOFF.maxMs * 0.9);
  });

  it('when it is closed, then no watch stays open', async () => {
    const { status, hub } = await start();
    await expect.poll(() => hub.health().state).toBe('up');
    await expect.poll(() => kube.openWatches()).toBe(1);
    status.close();
    await expect.poll(() => kube.openWatches()).toBe(0);
  });
});

describe('the watch of the Argo CD Application', () => {
  it('when the tenant’s Application lists the Cluster files, then the hub has its view, and a later sync failure arrives', async () => {
    kube.store.create(APPLICATIONS, 'argocd', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'nautes', namespace: 'argocd' },
      status: {
        sync: { status: 'Synced', revision: 'c0ffee' },
        resources: [
          {
            group: 'nautes.resource.nautes.io',
            kind: 'Cluster',
            namespace: 'nautes',
            name: 'alpha',
            status: 'Synced',
          },
        ],
      },
    });
    const { hub } = await start('cluster-watcher', {
      argoApplication: { namespace: 'argocd', name: 'nautes' },
    });
    await expect.poll(() => hub.health().state).toBe('up');
    expect(hub.argoView()).toMatchObject({
      application: 'nautes',
      revision: 'c0ffee',
      clusters: [{ name: 'alpha', status: 'Synced', failure: null }],
    });
    kube.store.modify(APPLICATIONS, 'argocd', 'nautes', (current) => ({
      ...current,
      status: {
        sync: { status: 'OutOfSync', revision: 'beef' },
        resources: [{ kind: 'Cluster', namespace: 'nautes', name: 'alpha', status: 'OutOfSync' }],
        operationState: {
          phase: 'Failed',
          message: 'one or more objects failed to apply',
          syncResult: {
            resources: [
              {
                kind: 'Cluster',
                namespace: 'nautes',
                name: 'alpha',
                status: 'SyncFailed',
                message: 'admission webhook "vcluster.kb.io" denied the request',
              },
            ],
          },
        },
      },
    }));
    await expect
      .poll(() => hub.argoView()?.clusters[0]?.failure)
      .toBe('admission webhook "vcluster.kb.io" denied the request');
    kube.store.delete(APPLICATIONS, 'argocd', 'nautes');
    await expect.poll(() => hub.argoView()).toBeNull();
  });
});
