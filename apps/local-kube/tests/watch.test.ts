import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, startLocalKube, type LocalKube } from '../src';
import { CLUSTERS_PATH, clusterObject, kubeCall, rawWatch } from './helpers/kube-call';

/** Watch over HTTPS as kube-apiserver streams it: JSON lines after a resourceVersion, bookmarks, timeouts, 410 Expired. */
let kube: LocalKube;
let admin: string;
let watcher: string;

beforeAll(async () => {
  kube = await startLocalKube({ historySize: 50 });
  admin = kube.credentials.deployer?.token ?? '';
  watcher = kube.credentials['cluster-watcher']?.token ?? '';
});

afterAll(async () => {
  await kube?.close();
});

const create = (name: string, extra: Record<string, unknown> = {}) =>
  kube.store.create(CLUSTERS, 'nautes', clusterObject(name, {}, extra));

describe('local Kubernetes API: watch', () => {
  it('when a watch starts from a list resourceVersion, then ADDED, MODIFIED and DELETED follow in order with rising versions', async () => {
    create('before-watch');
    const list = await kubeCall(kube, { path: CLUSTERS_PATH, token: watcher });
    const from = (list.body.metadata as { resourceVersion: string }).resourceVersion;
    const watch = await rawWatch(kube, `${CLUSTERS_PATH}?watch=1&resourceVersion=${from}`, watcher);
    expect(watch.status).toBe(200);
    create('watched');
    kube.store.modify(CLUSTERS, 'nautes', 'watched', (current) => ({
      ...current,
      spec: { usage: 'worker' },
    }));
    kube.store.delete(CLUSTERS, 'nautes', 'watched');
    const events = await watch.waitFor(3);
    expect(events.map((event) => [event.type, event.object.metadata?.name])).toEqual([
      ['ADDED', 'watched'],
      ['MODIFIED', 'watched'],
      ['DELETED', 'watched'],
    ]);
    const versions = events.map((event) => Number(event.object.metadata?.resourceVersion));
    expect(versions[0]).toBeGreaterThan(Number(from));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    watch.abort();
  });

  it('when a watch starts from an older resourceVersion still kept, then the missed events are replayed first', async () => {
    const from = kube.store.resourceVersion;
    create('missed-one');
    create('missed-two');
    const watch = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&resourceVersion=${from}`,
      watcher,
    );
    const events = await watch.waitFor(2);
    expect(events.map((event) => event.object.metadata?.name)).toEqual([
      'missed-one',
      'missed-two',
    ]);
    watch.abort();
  });

  it('when a watch has no resourceVersion, then the current objects come first as ADDED', async () => {
    const count = kube.store.list(CLUSTERS, 'nautes').length;
    const watch = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&fieldSelector=metadata.name%3Dbefore-watch`,
      watcher,
    );
    const [first] = await watch.waitFor(1);
    expect(count).toBeGreaterThan(1);
    expect(first).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'before-watch' } } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.events).toHaveLength(1);
    watch.abort();
  });

  it('when timeoutSeconds=1 is given, then the server ends the stream after about a second', async () => {
    const started = Date.now();
    const watch = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&resourceVersion=${kube.store.resourceVersion}&timeoutSeconds=1`,
      watcher,
    );
    await watch.ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('when bookmarks are allowed, then a BOOKMARK carries the latest resourceVersion and only metadata', async () => {
    const watch = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&allowWatchBookmarks=true&resourceVersion=${kube.store.resourceVersion}`,
      watcher,
    );
    const silent = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&resourceVersion=${kube.store.resourceVersion}`,
      watcher,
    );
    kube.bookmarkNow();
    const [event] = await watch.waitFor(1);
    expect(event).toEqual({
      type: 'BOOKMARK',
      object: {
        kind: 'Cluster',
        apiVersion: 'nautes.resource.nautes.io/v1alpha1',
        metadata: { resourceVersion: String(kube.store.resourceVersion), creationTimestamp: null },
      },
    });
    expect(silent.events).toEqual([]);
    watch.abort();
    silent.abort();
  });

  it('when the resourceVersion is older than the kept history, then an ERROR event with a 410 Expired Status ends the stream', async () => {
    const old = kube.store.resourceVersion;
    create('after-old');
    kube.compact();
    const watch = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&resourceVersion=${old}`,
      watcher,
    );
    expect(watch.status).toBe(200);
    await watch.ended;
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${old} (${kube.store.resourceVersion + 1})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
  });

  it('when a label selector is watched, then an object leaving it is DELETED and one entering it ADDED', async () => {
    create('moving', { labels: { tier: 'gold' } });
    const watch = await rawWatch(
      kube,
      `${CLUSTERS_PATH}?watch=true&resourceVersion=${kube.store.resourceVersion}&labelSelector=tier%3Dgold`,
      watcher,
    );
    kube.store.modify(CLUSTERS, 'nautes', 'moving', (current) => ({
      ...current,
      metadata: { ...current.metadata, labels: { tier: 'bronze' } },
    }));
    kube.store.modify(CLUSTERS, 'nautes', 'moving', (current) => ({
      ...current,
      metadata: { ...current.metadata, labels: { tier: 'gold' } },
    }));
    const events = await watch.waitFor(2);
    expect(events.map((event) => event.type)).toEqual(['DELETED', 'ADDED']);
    watch.abort();
  });

  it('when the watcher asks to watch everywhere or a user is unknown, then 403 and 401 before any stream', async () => {
    const everywhere = await kubeCall(kube, {
      path: '/apis/nautes.resource.nautes.io/v1alpha1/clusters?watch=true',
      token: watcher,
    });
    expect(everywhere.status).toBe(403);
    expect(everywhere.body.message).toBe(
      'clusters.nautes.resource.nautes.io is forbidden: User "cluster-watcher" cannot watch resource "clusters" in API group "nautes.resource.nautes.io" at the cluster scope',
    );
    const unknown = await kubeCall(kube, { path: `${CLUSTERS_PATH}?watch=true`, token: 'nope' });
    expect(unknown.status).toBe(401);
    const all = await rawWatch(
      kube,
      `/apis/nautes.resource.nautes.io/v1alpha1/clusters?watch=true&resourceVersion=${kube.store.resourceVersion}`,
      admin,
    );
    expect(all.status).toBe(200);
    all.abort();
  });
});
