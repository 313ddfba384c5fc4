import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalKube, type LocalKube } from '../src';
import { CLUSTERS_PATH, clusterObject, kubeCall } from './helpers/kube-call';

/** The Cluster resource over HTTPS as kube-apiserver serves a CRD: discovery, CRUD, status, finalizers, Status errors. */
let kube: LocalKube;
let admin: string;
let watcher: string;
let nobody: string;

beforeAll(async () => {
  kube = await startLocalKube();
  admin = kube.credentials.deployer?.token ?? '';
  watcher = kube.credentials['cluster-watcher']?.token ?? '';
  nobody = kube.credentials.nobody?.token ?? '';
});

afterAll(async () => {
  await kube?.close();
});

const create = (name: string, extra: Record<string, unknown> = {}) =>
  kubeCall(kube, {
    method: 'POST',
    path: CLUSTERS_PATH,
    token: admin,
    body: clusterObject(name, {}, extra),
  });

type Meta = {
  resourceVersion: string;
  generation: number;
  uid: string;
  deletionTimestamp?: string;
};

describe('local Kubernetes API: the Cluster resource', () => {
  it('when discovery is asked, then both groups and the clusters resource with its status subresource are listed', async () => {
    const groups = await kubeCall(kube, { path: '/apis', token: watcher });
    const names = (groups.body.groups as { name: string }[]).map((group) => group.name);
    expect(names).toEqual(expect.arrayContaining(['nautes.resource.nautes.io', 'argoproj.io']));
    const list = await kubeCall(kube, {
      path: '/apis/nautes.resource.nautes.io/v1alpha1',
      token: watcher,
    });
    expect(list.body).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: 'nautes.resource.nautes.io/v1alpha1',
    });
    expect(list.body.resources).toEqual([
      expect.objectContaining({
        name: 'clusters',
        singularName: 'cluster',
        namespaced: true,
        kind: 'Cluster',
        verbs: expect.arrayContaining(['get', 'list', 'watch', 'patch']) as string[],
      }),
      expect.objectContaining({
        name: 'clusters/status',
        kind: 'Cluster',
        verbs: ['get', 'patch', 'update'],
      }),
    ]);
    const argo = await kubeCall(kube, { path: '/apis/argoproj.io/v1alpha1', token: watcher });
    expect(argo.body.resources).toEqual([
      expect.objectContaining({ name: 'applications', kind: 'Application', namespaced: true }),
    ]);
  });

  it('when a cluster is created, then 201 with uid, generation 1, creationTimestamp and a resourceVersion; again: 409 AlreadyExists', async () => {
    const first = await create('created-once');
    expect(first.status).toBe(201);
    expect(first.body.metadata).toMatchObject({
      name: 'created-once',
      namespace: 'nautes',
      generation: 1,
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      creationTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
      resourceVersion: expect.stringMatching(/^\d+$/) as string,
    });
    const again = await create('created-once');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'clusters.nautes.resource.nautes.io "created-once" already exists',
      reason: 'AlreadyExists',
      details: { name: 'created-once', group: 'nautes.resource.nautes.io', kind: 'clusters' },
      code: 409,
    });
  });

  it('when the list is asked, then a ClusterList with the current resourceVersion; labelSelector filters; all namespaces for a cluster-wide user', async () => {
    await create('labelled', { labels: { tier: 'gold' } });
    const list = await kubeCall(kube, { path: CLUSTERS_PATH, token: watcher });
    expect(list.body).toMatchObject({
      apiVersion: 'nautes.resource.nautes.io/v1alpha1',
      kind: 'ClusterList',
      metadata: { resourceVersion: String(kube.store.resourceVersion) },
    });
    const selected = await kubeCall(kube, {
      path: `${CLUSTERS_PATH}?labelSelector=${encodeURIComponent('tier in (gold,silver)')}`,
      token: watcher,
    });
    expect(
      (selected.body.items as { metadata: { name: string } }[]).map((item) => item.metadata.name),
    ).toEqual(['labelled']);
    const everywhere = await kubeCall(kube, {
      path: '/apis/nautes.resource.nautes.io/v1alpha1/clusters',
      token: admin,
    });
    expect((everywhere.body.items as unknown[]).length).toBe((list.body.items as unknown[]).length);
  });

  it('when one cluster is asked, then the object; an unknown one is 404 NotFound naming it', async () => {
    await create('get-me');
    const found = await kubeCall(kube, { path: `${CLUSTERS_PATH}/get-me`, token: watcher });
    expect(found.body).toMatchObject({
      apiVersion: 'nautes.resource.nautes.io/v1alpha1',
      kind: 'Cluster',
      metadata: { name: 'get-me' },
      spec: { usage: 'host' },
    });
    const missing = await kubeCall(kube, { path: `${CLUSTERS_PATH}/nope`, token: watcher });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
      message: 'clusters.nautes.resource.nautes.io "nope" not found',
    });
  });

  it('when the token is unknown, then 401; a user without rights gets 403 in RBAC words; the watcher may read but not write', async () => {
    const unknown = await kubeCall(kube, { path: CLUSTERS_PATH, token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      message: 'Unauthorized',
      code: 401,
    });
    const denied = await kubeCall(kube, { path: CLUSTERS_PATH, token: nobody });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'clusters.nautes.resource.nautes.io is forbidden: User "nobody" cannot list resource "clusters" in API group "nautes.resource.nautes.io" in the namespace "nautes"',
      reason: 'Forbidden',
      details: { group: 'nautes.resource.nautes.io', kind: 'clusters' },
      code: 403,
    });
    const write = await kubeCall(kube, {
      method: 'POST',
      path: CLUSTERS_PATH,
      token: watcher,
      body: clusterObject('not-mine'),
    });
    expect(write.status).toBe(403);
    expect(write.body.message).toContain(
      'User "cluster-watcher" cannot create resource "clusters"',
    );
    const elsewhere = await kubeCall(kube, {
      path: '/apis/nautes.resource.nautes.io/v1alpha1/namespaces/other/clusters',
      token: watcher,
    });
    expect(elsewhere.status).toBe(403);
    const argo = await kubeCall(kube, {
      path: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications',
      token: watcher,
    });
    expect(argo.body).toMatchObject({ kind: 'ApplicationList', items: [] });
  });

  it('when a cluster is replaced, then a missing resourceVersion is 422, a stale one 409 Conflict, a spec change bumps generation and status is kept', async () => {
    const made = (await create('put-me')).body as { metadata: Meta };
    const path = `${CLUSTERS_PATH}/put-me`;
    const noVersion = await kubeCall(kube, {
      method: 'PUT',
      path,
      token: admin,
      body: clusterObject('put-me'),
    });
    expect(noVersion.status).toBe(422);
    expect(noVersion.body).toMatchObject({ reason: 'Invalid', code: 422 });
    await kubeCall(kube, {
      method: 'PATCH',
      path: `${path}/status`,
      token: admin,
      contentType: 'application/merge-patch+json',
      body: { status: { conditions: [] } },
    });
    const stale = await kubeCall(kube, {
      method: 'PUT',
      path,
      token: admin,
      body: clusterObject('put-me', {}, { resourceVersion: made.metadata.resourceVersion }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on clusters.nautes.resource.nautes.io "put-me": the object has been modified; please apply your changes to the latest version and try again',
    });
    const current = (await kubeCall(kube, { path, token: admin })).body as { metadata: Meta };
    const replaced = await kubeCall(kube, {
      method: 'PUT',
      path,
      token: admin,
      body: {
        ...clusterObject(
          'put-me',
          { usage: 'worker' },
          { resourceVersion: current.metadata.resourceVersion },
        ),
        status: { conditions: [{ type: 'Ignored' }] },
      },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      metadata: { generation: 2, uid: made.metadata.uid },
      spec: { usage: 'worker' },
      status: { conditions: [] },
    });
  });

  it('when status is written through /status (PUT, merge patch, JSON patch), then only status changes and generation stays', async () => {
    await create('status-me');
    const path = `${CLUSTERS_PATH}/status-me/status`;
    const current = (await kubeCall(kube, { path, token: admin })).body as { metadata: Meta };
    const put = await kubeCall(kube, {
      method: 'PUT',
      path,
      token: admin,
      body: {
        ...clusterObject(
          'status-me',
          { usage: 'worker' },
          { resourceVersion: current.metadata.resourceVersion },
        ),
        status: { conditions: [{ type: 'SecretStoreReady', status: 'True' }] },
      },
    });
    expect(put.body).toMatchObject({
      metadata: { generation: 1 },
      spec: { usage: 'host' },
      status: { conditions: [{ type: 'SecretStoreReady', status: 'True' }] },
    });
    const merged = await kubeCall(kube, {
      method: 'PATCH',
      path,
      token: admin,
      contentType: 'application/merge-patch+json',
      body: { status: { warnings: [{ type: 'ProductNotFound' }] } },
    });
    expect(merged.body).toMatchObject({
      status: {
        conditions: [{ type: 'SecretStoreReady' }],
        warnings: [{ type: 'ProductNotFound' }],
      },
    });
    const patched = await kubeCall(kube, {
      method: 'PATCH',
      path,
      token: admin,
      contentType: 'application/json-patch+json',
      body: [{ op: 'replace', path: '/status/conditions/0/status', value: 'False' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      metadata: { generation: 1 },
      status: { conditions: [{ type: 'SecretStoreReady', status: 'False' }] },
    });
    const strategic = await kubeCall(kube, {
      method: 'PATCH',
      path,
      token: admin,
      contentType: 'application/strategic-merge-patch+json',
      body: { status: {} },
    });
    expect(strategic.status).toBe(415);
    expect(strategic.body).toMatchObject({ reason: 'UnsupportedMediaType', code: 415 });
    const forbidden = await kubeCall(kube, {
      method: 'PATCH',
      path,
      token: watcher,
      contentType: 'application/merge-patch+json',
      body: { status: {} },
    });
    expect(forbidden.body.message).toContain('cannot patch resource "clusters/status"');
  });

  it('when a cluster with a finalizer is deleted, then it stays with deletionTimestamp until the last finalizer goes', async () => {
    await create('finalize-me', { finalizers: ['cluster.nautes.resource.nautes.io/finalizers'] });
    const path = `${CLUSTERS_PATH}/finalize-me`;
    const deleting = await kubeCall(kube, { method: 'DELETE', path, token: admin });
    expect(deleting.status).toBe(200);
    const marked = deleting.body as { metadata: Meta };
    expect(marked.metadata.deletionTimestamp).toMatch(/Z$/);
    expect(marked.metadata.generation).toBe(2);
    expect((await kubeCall(kube, { path, token: admin })).status).toBe(200);
    const added = await kubeCall(kube, {
      method: 'PATCH',
      path,
      token: admin,
      contentType: 'application/merge-patch+json',
      body: {
        metadata: { finalizers: ['cluster.nautes.resource.nautes.io/finalizers', 'another'] },
      },
    });
    expect(added.status).toBe(422);
    const released = await kubeCall(kube, {
      method: 'PATCH',
      path,
      token: admin,
      contentType: 'application/merge-patch+json',
      body: { metadata: { finalizers: null } },
    });
    expect(released.status).toBe(200);
    expect((await kubeCall(kube, { path, token: admin })).status).toBe(404);
    await create('plain-delete');
    const plain = await kubeCall(kube, {
      method: 'DELETE',
      path: `${CLUSTERS_PATH}/plain-delete`,
      token: admin,
    });
    expect(plain.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'plain-delete', kind: 'clusters' },
    });
  });

  it('when kubectl asks for a Table, then NAME and AGE columns with one row per cluster', async () => {
    await create('tabled');
    const table = await kubeCall(kube, {
      path: `${CLUSTERS_PATH}?limit=500`,
      token: watcher,
      accept:
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
    });
    expect(table.body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(
      (table.body.columnDefinitions as { name: string }[]).map((column) => column.name),
    ).toEqual(['Name', 'Age']);
    const row = (table.body.rows as { cells: string[]; object: { kind: string } }[]).find(
      (r) => r.cells[0] === 'tabled',
    );
    expect(row).toMatchObject({
      cells: ['tabled', expect.stringMatching(/^\d+s$/)],
      object: { kind: 'PartialObjectMetadata' },
    });
  });

  it('when a list is paged with limit, then continue tokens walk every item once', async () => {
    const all = (
      (await kubeCall(kube, { path: CLUSTERS_PATH, token: admin })).body.items as {
        metadata: { name: string };
      }[]
    ).map((i) => i.metadata.name);
    const seen: string[] = [];
    let token = '';
    do {
      const answer = await kubeCall(kube, {
        path: `${CLUSTERS_PATH}?limit=2${token ? `&continue=${token}` : ''}`,
        token: admin,
      });
      seen.push(
        ...(answer.body.items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
      );
      token = (answer.body.metadata as { continue: string }).continue;
    } while (token);
    expect(seen).toEqual(all);
  });
});
