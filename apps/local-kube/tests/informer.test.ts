import {
  CustomObjectsApi,
  KubeConfig,
  makeInformer,
  type Informer,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, kubeconfigFor, startLocalKube, type LocalKube } from '../src';
import { CLUSTERS_PATH, clusterObject } from './helpers/kube-call';

/**
 * Faithfulness: @kubernetes/client-node 1.x's informer (what the BFF runs) against the
 * stand-in: list then watch, events, a clean end of the watch resumed from its
 * resourceVersion, a 410 in the stream relisted, errors reported (the caller restarts).
 */
let kube: LocalKube;
const informers: Informer<KubernetesObject>[] = [];

beforeAll(async () => {
  kube = await startLocalKube();
});

afterEach(async () => {
  await Promise.all(informers.splice(0).map((informer) => informer.stop()));
  // client-node 1.4 can open one more watch after stop() when stop() lands during a relist:
  // end it so the next test counts only its own.
  await new Promise((resolve) => setTimeout(resolve, 200));
  kube.dropWatches();
  // A stray watch may open later still (a loaded machine): end each until 250 ms pass without.
  const giveUpAt = Date.now() + 3_000;
  let quietSince = Date.now();
  while (Date.now() - quietSince < 250 && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (kube.openWatches() > 0) {
      kube.dropWatches();
      quietSince = Date.now();
    }
  }
});

afterAll(async () => {
  await kube?.close();
});

function informerFor(user: string, token = kube.credentials[user]?.token ?? '') {
  const config = new KubeConfig();
  config.loadFromString(kubeconfigFor({ server: kube.url, caPem: kube.authority.certPem, token }));
  const api = config.makeApiClient(CustomObjectsApi);
  const informer = makeInformer<KubernetesObject>(
    config,
    CLUSTERS_PATH,
    () =>
      api.listNamespacedCustomObject({
        group: 'nautes.resource.nautes.io',
        version: 'v1alpha1',
        namespace: 'nautes',
        plural: 'clusters',
      }) as never,
  );
  const seen: string[] = [];
  const errors: unknown[] = [];
  informer.on('add', (object) => seen.push(`add ${object.metadata?.name}`));
  informer.on('update', (object) => seen.push(`update ${object.metadata?.name}`));
  informer.on('delete', (object) => seen.push(`delete ${object.metadata?.name}`));
  informer.on('error', (error) => errors.push(error));
  informers.push(informer);
  return { informer, seen, errors };
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lists = () =>
  kube.requests.filter((r) => r.path.startsWith(CLUSTERS_PATH) && !r.path.includes('watch='))
    .length;
const watchesFrom = () =>
  kube.requests
    .filter((r) => r.path.includes('watch=true'))
    .map((r) => new URL(r.path, 'https://x').searchParams.get('resourceVersion'));
const create = (name: string) => kube.store.create(CLUSTERS, 'nautes', clusterObject(name));

describe('@kubernetes/client-node informer against the local Kubernetes API', () => {
  it('when it starts, then it lists, watches from the list version, and sees adds, updates and deletes', async () => {
    create('informed-existing');
    const { informer, seen } = informerFor('cluster-watcher');
    await informer.start();
    await until(() => kube.openWatches() === 1, 'the watch');
    expect(seen).toContain('add informed-existing');
    create('informed-new');
    kube.store.modify(CLUSTERS, 'nautes', 'informed-new', (current) => ({
      ...current,
      spec: { usage: 'worker' },
    }));
    kube.store.delete(CLUSTERS, 'nautes', 'informed-new');
    await until(() => seen.includes('delete informed-new'), 'the delete');
    expect(seen.slice(-3)).toEqual([
      'add informed-new',
      'update informed-new',
      'delete informed-new',
    ]);
    expect(informer.list().map((object) => object.metadata?.name)).not.toContain('informed-new');
  });

  it('when the server ends a watch cleanly, then the informer watches again from its last version without relisting', async () => {
    const { informer, seen } = informerFor('cluster-watcher');
    await informer.start();
    await until(() => kube.openWatches() === 1, 'the watch');
    const listed = lists();
    kube.dropWatches();
    create('while-reconnecting');
    await until(() => seen.includes('add while-reconnecting'), 'the missed add');
    expect(lists()).toBe(listed);
    expect(watchesFrom().at(-1)).not.toBe('');
  });

  it('when its version has been compacted, then the 410 in the stream makes it relist and it catches up', async () => {
    const { informer, seen } = informerFor('cluster-watcher');
    await informer.start();
    await until(() => kube.openWatches() === 1, 'the watch');
    const listed = lists();
    kube.dropWatches();
    create('after-compaction');
    kube.compact();
    await until(() => seen.includes('add after-compaction'), 'the relisted add');
    expect(lists()).toBe(listed + 1);
    await until(() => kube.openWatches() === 1, 'the new watch');
  });

  it('when the watch fails (500, or the connection is cut), then the error is reported and a restart lists again', async () => {
    const { informer, seen, errors } = informerFor('cluster-watcher');
    await informer.start();
    await until(() => kube.openWatches() === 1, 'the watch');
    kube.failNext({ verb: 'watch', code: 500 });
    kube.dropWatches();
    await until(() => errors.length === 1, 'the error');
    expect(errors[0]).toMatchObject({ statusCode: 500 });
    create('after-restart');
    await informer.start();
    await until(() => seen.includes('add after-restart'), 'the add after the restart');
    // A cut connection reaches client-node 1.4 as an error or as a clean end, whichever of
    // node-fetch's 'error' and readline's 'close' comes first: reported, or resumed.
    await until(() => kube.openWatches() === 1, 'the watch after the restart');
    const watchCount = watchesFrom().length;
    kube.dropWatches({ abrupt: true });
    await until(
      () => errors.length === 2 || (watchesFrom().length > watchCount && kube.openWatches() === 1),
      'the cut connection reported or resumed',
    );
  });

  it('when the token is unknown or the user may not list, then the informer reports 401 and 403', async () => {
    const unknown = informerFor('cluster-watcher', 'not-a-token');
    await unknown.informer.start();
    await until(() => unknown.errors.length === 1, '401');
    expect(unknown.errors[0]).toMatchObject({ code: 401 });
    const nobody = informerFor('nobody');
    await nobody.informer.start();
    await until(() => nobody.errors.length === 1, '403');
    expect(nobody.errors[0]).toMatchObject({ code: 403 });
    expect(String((nobody.errors[0] as { body: unknown }).body)).toContain(
      'cannot list resource \\"clusters\\"',
    );
  });
});
