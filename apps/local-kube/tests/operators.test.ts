import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICATIONS,
  CLUSTERS,
  FINALIZER,
  startLocalKube,
  startOperators,
  type KubeObject,
  type LocalKube,
  type RunningOperators,
} from '../src';
import { CLUSTERS_PATH, kubeCall } from './helpers/kube-call';
import {
  clusterFile,
  HOST_SPEC,
  startTenantGit,
  VIRTUAL_SPEC,
  type TenantGit,
} from './helpers/tenant-git';

/**
 * The local operators against real parts: Cluster files committed to the local GitLab's tenant
 * repository (real git over HTTP) become resources (Argo CD's step), the webhook's refusals are
 * the Application's sync failures, Nautes' operators write status, a status written through the
 * API stays across heartbeats, and a deleted file deletes its resource through the finalizer.
 */
let tenant: TenantGit;
let kube: LocalKube;
let operators: RunningOperators;
let cacheDir: string;
const HEARTBEAT_MS = 300;

beforeAll(async () => {
  tenant = await startTenantGit();
  kube = await startLocalKube();
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'local-kube-argocd-'));
  operators = startOperators(kube.store, {
    namespace: 'nautes',
    name: 'nautes',
    repoUrl: tenant.repoUrl,
    readToken: tenant.readToken,
    cacheDir,
    pollIntervalMs: 60_000,
    syncDelayMs: 50,
    clusterOperatorDelayMs: 50,
    argoOperatorDelayMs: 50,
    heartbeatMs: HEARTBEAT_MS,
    deletionDelayMs: 100,
  });
}, 60_000);

afterAll(async () => {
  operators?.stop();
  await kube?.close();
  await tenant?.stop();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Status = {
  conditions?: { type: string; status: string; message: string; lastTransitionTime: string }[];
  mgtAuthStatus?: { lastSuccessSpec: string };
  sync2ArgoStatus?: { lastSuccessSpec: string };
  entryPoints?: unknown;
};
const cluster = (name: string) => kube.store.get(CLUSTERS, 'nautes', name);
const statusOf = (name: string) => (cluster(name)?.status ?? {}) as Status;
type AppStatus = {
  resources: unknown[];
  operationState: { message: string };
  [field: string]: unknown;
};
const application = () =>
  kube.store.get(APPLICATIONS, 'argocd', 'nautes') as
    (KubeObject & { status: AppStatus }) | undefined;

describe('local operators: Argo CD, the webhook and Nautes operators', () => {
  it('when a Cluster file is committed, then it becomes a resource whose four conditions turn True and the Application is Synced at that commit', async () => {
    const revision = tenant.commit({ 'cluster-host.yaml': clusterFile('cluster-host', HOST_SPEC) });
    await operators.refresh();
    await until(() => statusOf('cluster-host').conditions?.length === 4, 'the four conditions');
    const status = statusOf('cluster-host');
    expect(status.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['SecretStoreReady', 'True'],
      ['EntryPointCollected', 'True'],
      ['ClusterSyncToArgocd', 'True'],
      ['ProductInfoUpdated', 'True'],
    ]);
    expect(status.conditions?.[2]?.message).toBe(
      'successfully saved cluster cluster-host to argocd',
    );
    expect(JSON.parse(status.mgtAuthStatus?.lastSuccessSpec ?? '{}')).toEqual(HOST_SPEC);
    expect(JSON.parse(status.sync2ArgoStatus?.lastSuccessSpec ?? '{}')).toEqual(HOST_SPEC);
    expect(status.entryPoints).toBeUndefined();
    expect(cluster('cluster-host')?.metadata.finalizers).toEqual([FINALIZER]);
    expect(application()?.status).toMatchObject({
      sync: { status: 'Synced', revision },
      resources: [{ kind: 'Cluster', name: 'cluster-host', namespace: 'nautes', status: 'Synced' }],
      operationState: {
        phase: 'Succeeded',
        syncResult: {
          revision,
          resources: [
            {
              name: 'cluster-host',
              status: 'Synced',
              message: 'cluster.nautes.resource.nautes.io/cluster-host created',
            },
          ],
        },
      },
    });
  });

  it('when a virtual cluster names a host that does not exist, then it never becomes a resource and the Application shows the webhook refusal', async () => {
    tenant.commit({
      'cluster-orphan.yaml': clusterFile('cluster-orphan', VIRTUAL_SPEC('no-such-host')),
    });
    await operators.refresh();
    const refusal =
      'admission webhook "vcluster.kb.io" denied the request: host cluster no-such-host not found';
    expect(cluster('cluster-orphan')).toBeUndefined();
    expect(application()?.status).toMatchObject({
      sync: { status: 'OutOfSync' },
      operationState: {
        phase: 'Failed',
        message: `one or more objects failed to apply, reason: ${refusal}`,
        syncResult: {
          resources: expect.arrayContaining([
            expect.objectContaining({
              name: 'cluster-orphan',
              status: 'SyncFailed',
              message: refusal,
            }),
          ]) as unknown[],
        },
      },
    });
    expect(application()?.status.resources).toContainEqual(
      expect.objectContaining({ name: 'cluster-orphan', status: 'OutOfSync' }),
    );
  });

  it('when a condition is set False through the API, then it keeps its status and message across heartbeats, which move only its time', async () => {
    await until(() => statusOf('cluster-host').conditions?.length === 4, 'the host reconciled');
    const message =
      'sync cluster info to secret store failed: Error making API request. Code: 503. Errors: Vault is sealed';
    const conditions = statusOf('cluster-host').conditions?.map((c) =>
      c.type === 'SecretStoreReady'
        ? { ...c, status: 'False', message, lastTransitionTime: '2026-01-01T00:00:00Z' }
        : c,
    );
    const patched = await kubeCall(kube, {
      method: 'PATCH',
      path: `${CLUSTERS_PATH}/cluster-host/status`,
      token: kube.credentials.deployer?.token,
      contentType: 'application/merge-patch+json',
      body: { status: { conditions } },
    });
    expect(patched.status).toBe(200);
    // Until a heartbeat has re-stamped it (every HEARTBEAT_MS; later on a loaded machine).
    const secretStore = () =>
      statusOf('cluster-host').conditions?.find((c) => c.type === 'SecretStoreReady');
    await expect
      .poll(() => secretStore()?.lastTransitionTime, { timeout: 10_000 })
      .not.toBe('2026-01-01T00:00:00Z');
    expect(secretStore()).toMatchObject({ status: 'False', message });
  });

  it('when a file is deleted, then its resource is marked for deletion and goes once the operator removes its finalizer; a host still named by a virtual cluster stays', async () => {
    tenant.commit({
      'cluster-orphan.yaml': undefined,
      'cluster-virtual.yaml': clusterFile('cluster-virtual', VIRTUAL_SPEC('cluster-host')),
    });
    await operators.refresh();
    await until(
      () => statusOf('cluster-virtual').conditions?.length === 4,
      'the virtual cluster reconciled',
    );
    expect(statusOf('cluster-virtual').entryPoints).toEqual({
      traefik: { httpPort: 30080, httpsPort: 30443, type: 'NodePort' },
    });
    tenant.commit({ 'cluster-host.yaml': undefined });
    await operators.refresh();
    expect(cluster('cluster-host')?.metadata.deletionTimestamp).toBeUndefined();
    expect(application()?.status.operationState.message).toContain(
      'admission webhook "vcluster.kb.io" denied the request: cluster referenced by [cluster-virtual], not allowed to be deleted',
    );
    const seen: string[] = [];
    const unsubscribe = kube.store.watch(kube.store.resourceVersion, (event) => {
      if (event.object.metadata.name === 'cluster-virtual')
        seen.push(`${event.type}${event.object.metadata.deletionTimestamp ? ' deleting' : ''}`);
    });
    tenant.commit({ 'cluster-virtual.yaml': undefined });
    await operators.refresh();
    await until(
      () => cluster('cluster-virtual') === undefined || undefined,
      'the virtual cluster gone',
    );
    unsubscribe();
    // Heartbeats may come between; the deletion itself is these two events.
    expect(seen.filter((event) => event.endsWith('deleting'))).toEqual([
      'MODIFIED deleting',
      'DELETED deleting',
    ]);
  });
});
