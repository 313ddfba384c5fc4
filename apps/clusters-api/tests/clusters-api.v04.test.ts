/**
 * NAUTES_API_VERSION=v0.4: the v0.4 body (components_list), the server's component defaults
 * and category rules, the v0.4 Cluster resource in the remote (read back with real git), the
 * v0.4 reply shape, and where ours is stricter than a real v0.4 server (v0.3 fields, categories
 * a cluster lacks). Real local GitLab, real Git, real HTTP on 127.0.0.1.
 */
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeTempDir } from './helpers/git-fixtures';
import { kubeconfigFor } from './helpers/seeds';
import {
  call,
  headOf,
  startClustersApi,
  startLocalGitLab,
  type LocalGitLab,
  type RunningClustersApi,
} from './helpers/stack';

interface ErrorBody {
  code: number;
  reason: string;
  message: string;
  metadata: Record<string, string>;
}

const CLUSTERS = 'nautes/overlays/production/clusters';
const API_SERVER = 'https://8.217.50.114:6443';

let gitlab: LocalGitLab;
let api: RunningClustersApi;
let scratch: string;

const post = (name: string, body: unknown) =>
  call<ErrorBody>(api.url, 'POST', `/api/v1/clusters/${name}`, { body });
const get = <T = Record<string, unknown>>(name: string) =>
  call<T>(api.url, 'GET', `/api/v1/clusters/${name}`);

/** The cluster file on the remote's main, as git shows it. */
function remoteFile(name: string): string {
  return git(gitlab.bareRepo, 'show', `main:${CLUSTERS}/${name}.yaml`);
}

function remoteSpec(name: string): Record<string, unknown> {
  return (parse(remoteFile(name)) as { spec: Record<string, unknown> }).spec;
}

async function storedKubeconfig(name: string): Promise<string | undefined> {
  const data = await api.api.secrets.get({
    mount: 'cluster',
    path: `kubernetes/${name}/default/admin`,
  });
  return data?.kubeconfig;
}

const physical = (
  usage: 'host' | 'worker',
  workerType?: 'pipeline' | 'deployment',
): Record<string, unknown> => ({
  api_server: API_SERVER,
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage,
  ...(workerType ? { worker_type: workerType } : {}),
  kubeconfig: kubeconfigFor(`token-${usage}-${workerType ?? 'host'}`),
});

const virtual = (host: string, workerType: 'pipeline' | 'deployment') => ({
  api_server: 'https://8.217.50.114:31456',
  cluster_kind: 'kubernetes',
  cluster_type: 'virtual',
  usage: 'worker',
  worker_type: workerType,
  host_cluster: host,
});

beforeAll(async () => {
  gitlab = await startLocalGitLab();
  api = await startClustersApi(gitlab.url, { NAUTES_API_VERSION: 'v0.4' });
  scratch = makeTempDir();
});

afterAll(async () => {
  await api?.stop();
  await gitlab?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('saving in v0.4', { timeout: 60_000 }, () => {
  it('when a physical pipeline worker is saved with nothing but its kind, then the committed file is the one a v0.4 server commits, defaults and all', async () => {
    const answer = await post('physical-worker-pipeline', physical('worker', 'pipeline'));
    expect(answer).toMatchObject({
      status: 200,
      body: { message: 'Successfully saved physical-worker-pipeline cluster' },
    });
    // nautes-v0.4.md, "The Cluster resource a v0.4 server commits", byte for byte.
    expect(remoteFile('physical-worker-pipeline'))
      .toBe(`apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
metadata:
  creationTimestamp: null
  name: physical-worker-pipeline
  namespace: nautes
spec:
  apiServer: https://8.217.50.114:6443
  clusterKind: kubernetes
  clusterType: physical
  componentsList:
    deployment:
      additions:
        host: argocd.physical-worker-pipeline.8.217.50.114.nip.io
      name: argocd
      namespace: argocd
    eventListener:
      name: argo-events
      namespace: argo-events
    gateway:
      additions:
        httpNodePort: "30080"
        httpsNodePort: "30443"
      name: traefik
      namespace: traefik
    multiTenant:
      name: hnc
      namespace: hnc-system
    oauthProxy:
      name: oauth2-proxy
      namespace: oauth2-proxy
    pipeline:
      additions:
        host: tekton.physical-worker-pipeline.8.217.50.114.nip.io
      name: tekton
      namespace: tekton-pipelines
    secretManagement:
      name: vault
      namespace: vault
    secretSync:
      name: external-secrets
      namespace: external-secrets
  primaryDomain: 8.217.50.114.nip.io
  usage: worker
  workerType: pipeline
status: {}
`);
    expect(git(gitlab.bareRepo, 'show', `main:${CLUSTERS}/kustomization.yaml`)).toContain(
      'physical-worker-pipeline.yaml',
    );
    expect(git(gitlab.bareRepo, 'log', '-1', '--format=%s', 'main').trim()).toBe(
      'Save cluster physical-worker-pipeline',
    );
  });

  it('when a physical host is saved with its own gateway ports, then the file has them, and only a host’s components', async () => {
    const kubeconfig = kubeconfigFor('v4-host-own');
    const body = {
      ...physical('host'),
      kubeconfig,
      components_list: {
        gateway: {
          name: '',
          namespace: '',
          additions: { httpNodePort: '31080', httpsNodePort: '31443' },
        },
      },
    };
    expect((await post('v4-host', body)).status).toBe(200);
    const spec = remoteSpec('v4-host');
    expect(spec.componentsList).toEqual({
      gateway: {
        name: 'traefik',
        namespace: 'traefik',
        additions: { httpNodePort: '31080', httpsNodePort: '31443' },
      },
      oauthProxy: { name: 'oauth2-proxy', namespace: 'oauth2-proxy' },
      secretManagement: { name: 'vault', namespace: 'vault' },
    });
    expect(spec).not.toHaveProperty('traefik');
    expect(spec).not.toHaveProperty('argocdHost');
    expect(remoteFile('v4-host')).not.toContain('kubeconfig');
    expect(await storedKubeconfig('v4-host')).toBe(kubeconfig);
  });

  it('when a physical deployment worker is saved with its own host, port, names and namespaces, then the file keeps every value and fills the rest', async () => {
    const body = {
      ...physical('worker', 'deployment'),
      components_list: {
        deployment: {
          name: 'argocd',
          namespace: 'argocd-tenant',
          additions: { host: 'cd.apps.example.com' },
        },
        gateway: { additions: { httpsNodePort: '32443' } },
        multi_tenant: { name: 'hnc', namespace: 'hnc-tenant' },
      },
      reserved_namespaces_allowed_products: { 'argocd-tenant': ['shop'] },
    };
    expect((await post('v4-deployer', body)).status).toBe(200);
    const spec = remoteSpec('v4-deployer');
    expect(spec.componentsList).toEqual({
      deployment: {
        name: 'argocd',
        namespace: 'argocd-tenant',
        additions: { host: 'cd.apps.example.com' },
      },
      gateway: {
        name: 'traefik',
        namespace: 'traefik',
        additions: { httpNodePort: '30080', httpsNodePort: '32443' },
      },
      multiTenant: { name: 'hnc', namespace: 'hnc-tenant' },
      progressiveDelivery: { name: 'argo-rollouts', namespace: 'argo-rollouts' },
      secretManagement: { name: 'vault', namespace: 'vault' },
      secretSync: { name: 'external-secrets', namespace: 'external-secrets' },
    });
    expect(spec.reservedNamespacesAllowedProducts).toEqual({ 'argocd-tenant': ['shop'] });
  });

  it('when virtual workers are saved with their own hosts and ports, then each file has the user’s values and its kind’s components', async () => {
    const pipeline = {
      ...virtual('v4-host', 'pipeline'),
      components_list: {
        pipeline: { additions: { host: 'ci.example.com' } },
        deployment: { additions: { host: 'cd.example.com' } },
        gateway: { additions: { httpNodePort: '30180', httpsNodePort: '30543' } },
      },
      vcluster: { https_node_port: '31999' },
    };
    expect((await post('v4-virtual-pipeline', pipeline)).status).toBe(200);
    const spec = remoteSpec('v4-virtual-pipeline');
    expect(spec).toMatchObject({
      hostCluster: 'v4-host',
      vcluster: { httpsNodePort: '31999' },
      componentsList: {
        pipeline: {
          name: 'tekton',
          namespace: 'tekton-pipelines',
          additions: { host: 'ci.example.com' },
        },
        deployment: { name: 'argocd', namespace: 'argocd', additions: { host: 'cd.example.com' } },
        gateway: {
          name: 'traefik',
          namespace: 'traefik',
          additions: { httpNodePort: '30180', httpsNodePort: '30543' },
        },
      },
    });
    expect(Object.keys(spec.componentsList as object).sort()).toEqual([
      'deployment',
      'eventListener',
      'gateway',
      'multiTenant',
      'pipeline',
      'secretManagement',
      'secretSync',
    ]);

    const deployment = virtual('v4-host', 'deployment');
    expect((await post('v4-virtual-deployment', deployment)).status).toBe(200);
    const defaults = remoteSpec('v4-virtual-deployment');
    expect(defaults.vcluster).toEqual({ httpsNodePort: '31456' });
    expect(Object.keys(defaults.componentsList as object).sort()).toEqual([
      'deployment',
      'multiTenant',
      'progressiveDelivery',
      'secretManagement',
      'secretSync',
    ]);
    expect(await storedKubeconfig('v4-virtual-deployment')).toBeUndefined();
  });

  it('when a GET reply’s components (server-added ones included) are posted back unchanged, then 200 and no commit', async () => {
    const { body: reply } = await get<{ components_list: unknown }>('v4-deployer');
    const head = headOf(gitlab.bareRepo);
    const answer = await post('v4-deployer', {
      ...physical('worker', 'deployment'),
      components_list: reply.components_list,
      reserved_namespaces_allowed_products: { 'argocd-tenant': ['shop'] },
    });
    expect(answer.status).toBe(200);
    expect(headOf(gitlab.bareRepo)).toBe(head);
  });
});

describe('refusals in v0.4', { timeout: 60_000 }, () => {
  const refusals: [string, () => unknown, string, RegExp][] = [
    [
      'a deployment worker sends a pipeline component',
      () => ({
        ...physical('worker', 'deployment'),
        components_list: { pipeline: { additions: { host: 'ci.example.com' } } },
      }),
      'components_list.pipeline',
      /no pipeline component.*multi_tenant, secret_sync, gateway, deployment, progressive_delivery/,
    ],
    [
      'a virtual deployment worker sends a gateway',
      () => ({
        ...virtual('v4-host', 'deployment'),
        components_list: { gateway: { additions: { httpNodePort: '30080' } } },
      }),
      'components_list.gateway',
      /virtual deployment worker cluster has no gateway/,
    ],
    [
      'a host sends a deployment component',
      () => ({ ...physical('host'), components_list: { deployment: {} } }),
      'components_list.deployment',
      /host cluster has no deployment/,
    ],
    [
      'a reserved namespace is no component’s namespace',
      () => ({
        ...physical('host'),
        reserved_namespaces_allowed_products: { argocd: ['shop'] },
      }),
      'reserved_namespaces_allowed_products.argocd',
      /not the namespace of one of this cluster's components/,
    ],
    [
      'a component host is not a DNS name',
      () => ({
        ...physical('worker', 'deployment'),
        components_list: { deployment: { additions: { host: 'not a host' } } },
      }),
      'components_list.deployment.additions.host',
      /./,
    ],
    [
      'a gateway port is a JSON number',
      () => ({
        ...physical('host'),
        components_list: { gateway: { additions: { httpNodePort: 30080 } } },
      }),
      'components_list.gateway.additions.httpNodePort',
      /must be a string, e.g. "30080"/,
    ],
    [
      'a component namespace is not a name',
      () => ({ ...physical('host'), components_list: { gateway: { namespace: 'Bad_NS' } } }),
      'components_list.gateway.namespace',
      /not a valid name/,
    ],
    [
      'argocd_host is sent',
      () => ({ ...physical('worker', 'deployment'), argocd_host: 'cd.example.com' }),
      'argocd_host',
      /^argocd_host is v0\.3; in v0\.4 it is components_list\.deployment\.additions\.host/,
    ],
    [
      'tekton_host is sent',
      () => ({ ...physical('worker', 'pipeline'), tekton_host: 'ci.example.com' }),
      'tekton_host',
      /^tekton_host is v0\.3; in v0\.4 it is components_list\.pipeline\.additions\.host/,
    ],
    [
      'traefik.http_node_port is sent',
      () => ({ ...physical('host'), traefik: { http_node_port: '30080' } }),
      'traefik.http_node_port',
      /^traefik\.http_node_port is v0\.3; in v0\.4 it is components_list\.gateway\.additions\.httpNodePort/,
    ],
    [
      'traefik.https_node_port is sent',
      () => ({ ...physical('host'), traefik: { https_node_port: '30443' } }),
      'traefik.https_node_port',
      /^traefik\.https_node_port is v0\.3; in v0\.4 it is components_list\.gateway\.additions\.httpsNodePort/,
    ],
    [
      'a new physical cluster has no kubeconfig',
      () => ({ ...physical('host'), kubeconfig: undefined }),
      'kubeconfig',
      /every save/,
    ],
  ];

  it.each(refusals)(
    'when %s, then 400 VALIDATION_FAILED on that field and nothing is written',
    async (_title, body, field, message) => {
      const head = headOf(gitlab.bareRepo);
      const answer = await post('v4-refused', body());
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 400, reason: 'VALIDATION_FAILED' });
      expect(Object.keys(answer.body.metadata)).toEqual([field]);
      expect(answer.body.metadata[field]).toMatch(message);
      expect(answer.body.message).toContain(field);
      expect(headOf(gitlab.bareRepo)).toBe(head);
      expect((await get('v4-refused')).status).toBe(404);
    },
  );

  it('when the v0.3 body of the user guide is sent, then every v0.3 field is reported at once, with other problems', async () => {
    const answer = await post('v4-guide', {
      ...physical('worker', 'pipeline'),
      cluster_kind: 'nomad',
      argocd_host: 'argocd.example.com',
      tekton_host: 'tekton.example.com',
      traefik: { http_node_port: '30080', https_node_port: '30443' },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.metadata).sort()).toEqual([
      'argocd_host',
      'cluster_kind',
      'tekton_host',
      'traefik.http_node_port',
      'traefik.https_node_port',
    ]);
  });

  it('when v0.3 fields are null or empty, then they mean "not set" and the save goes through', async () => {
    const answer = await post('v4-empty-v03', {
      ...physical('host'),
      argocd_host: '',
      tekton_host: null,
      traefik: null,
    });
    expect(answer.status).toBe(200);
  });

  it('when a physical cluster is updated without its kubeconfig, then 400 on kubeconfig (v0.4 needs it every time) and the stored one is untouched', async () => {
    const original = kubeconfigFor('v4-keep');
    expect((await post('v4-update', { ...physical('host'), kubeconfig: original })).status).toBe(
      200,
    );
    const head = headOf(gitlab.bareRepo);
    const answer = await post('v4-update', {
      ...physical('host'),
      kubeconfig: undefined,
      primary_domain: 'host.example.com',
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.metadata)).toEqual(['kubeconfig']);
    expect(answer.body.metadata.kubeconfig).toMatch(/updates included/);
    expect(headOf(gitlab.bareRepo)).toBe(head);
    expect(await storedKubeconfig('v4-update')).toBe(original);

    const replaced = kubeconfigFor('v4-replaced');
    expect(
      (
        await post('v4-update', {
          ...physical('host'),
          kubeconfig: replaced,
          primary_domain: 'host.example.com',
        })
      ).status,
    ).toBe(200);
    expect(await storedKubeconfig('v4-update')).toBe(replaced);
    expect(remoteSpec('v4-update').primaryDomain).toBe('host.example.com');
  });
});

describe('reading in v0.4', () => {
  it('when one cluster is read, then it has every v0.4 field, components_list with null for what it lacks, and no v0.3 field, vcluster or kubeconfig', async () => {
    const { status, body } = await get('physical-worker-pipeline');
    expect(status).toBe(200);
    expect(body).toEqual({
      name: 'physical-worker-pipeline',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      host_cluster: '',
      primary_domain: '8.217.50.114.nip.io',
      worker_type: 'pipeline',
      api_server: API_SERVER,
      components_list: {
        multi_tenant: { name: 'hnc', namespace: 'hnc-system' },
        secret_sync: { name: 'external-secrets', namespace: 'external-secrets' },
        gateway: {
          name: 'traefik',
          namespace: 'traefik',
          additions: { httpNodePort: '30080', httpsNodePort: '30443' },
        },
        deployment: {
          name: 'argocd',
          namespace: 'argocd',
          additions: { host: 'argocd.physical-worker-pipeline.8.217.50.114.nip.io' },
        },
        progressive_delivery: null,
        pipeline: {
          name: 'tekton',
          namespace: 'tekton-pipelines',
          additions: { host: 'tekton.physical-worker-pipeline.8.217.50.114.nip.io' },
        },
        event_listener: { name: 'argo-events', namespace: 'argo-events' },
        secret_management: { name: 'vault', namespace: 'vault' },
        oauth_proxy: { name: 'oauth2-proxy', namespace: 'oauth2-proxy' },
      },
      reserved_namespaces_allowed_products: {},
      product_allowed_cluster_resources: {},
    });
  });

  it('when a virtual cluster is read, then it has its host and no vcluster', async () => {
    const { body } = await get('v4-virtual-pipeline');
    expect(body).toMatchObject({
      host_cluster: 'v4-host',
      components_list: {
        pipeline: { additions: { host: 'ci.example.com' } },
        oauth_proxy: null,
        progressive_delivery: null,
      },
    });
    expect(body).not.toHaveProperty('vcluster');
  });

  it('when listing, then every item has the v0.4 shape and nothing anywhere holds a kubeconfig', async () => {
    const { status, body } = await call<{ items: Record<string, unknown>[] }>(
      api.url,
      'GET',
      '/api/v1/clusters',
    );
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(6);
    for (const item of body.items) {
      expect(Object.keys(item)).toEqual([
        'name',
        'cluster_kind',
        'cluster_type',
        'usage',
        'host_cluster',
        'primary_domain',
        'worker_type',
        'api_server',
        'components_list',
        'reserved_namespaces_allowed_products',
        'product_allowed_cluster_resources',
      ]);
    }
    const text = JSON.stringify(body);
    for (const needle of [
      'kubeconfig',
      'token-',
      'v4-keep',
      'v4-replaced',
      'argocd_host',
      '"traefik":',
      'vcluster',
    ]) {
      expect(text).not.toContain(needle);
    }
    const selected = await call<{ items: { name: string }[] }>(
      api.url,
      'GET',
      '/api/v1/clusters?field_selector=cluster_type%3Dvirtual',
    );
    expect(selected.body.items.map((item) => item.name)).toEqual([
      'v4-virtual-deployment',
      'v4-virtual-pipeline',
    ]);
  });
});

describe('switching generations on one tenant repository', { timeout: 60_000 }, () => {
  it('when a v0.3 instance reads a v0.4 file, then it answers the v0.3 fields; when a v0.4 instance reads a v0.3 file, then it answers components from them', async () => {
    const v03 = await startClustersApi(gitlab.url, { NAUTES_API_VERSION: 'v0.3' });
    try {
      const { body: folded } = await call(v03.url, 'GET', '/api/v1/clusters/v4-virtual-pipeline');
      expect(folded).toMatchObject({
        argocd_host: 'cd.example.com',
        tekton_host: 'ci.example.com',
        traefik: { http_node_port: '30180', https_node_port: '30543' },
        vcluster: { https_node_port: '31999' },
      });
      expect(folded).not.toHaveProperty('components_list');
      const saved = await call(v03.url, 'POST', '/api/v1/clusters/v3-worker', {
        body: {
          ...virtual('v4-host', 'deployment'),
          argocd_host: 'argocd.v3.example.com',
        },
      });
      expect(saved.status).toBe(200);
    } finally {
      await v03.stop();
    }
    expect(remoteSpec('v3-worker')).toMatchObject({ argocdHost: 'argocd.v3.example.com' });

    const v04 = await startClustersApi(gitlab.url, { NAUTES_API_VERSION: 'v0.4' });
    try {
      const { body } = await call(v04.url, 'GET', '/api/v1/clusters/v3-worker');
      expect(body).toMatchObject({
        components_list: {
          deployment: {
            name: 'argocd',
            namespace: 'argocd',
            additions: { host: 'argocd.v3.example.com' },
          },
          gateway: null,
        },
      });
      expect(body).not.toHaveProperty('argocd_host');
    } finally {
      await v04.stop();
    }
  });
});

describe('saying the generation', () => {
  it('when /healthz is asked, then it says v0.4', async () => {
    expect(await call(api.url, 'GET', '/healthz', { token: null })).toMatchObject({
      status: 200,
      body: { status: 'ok', nautes_api_version: 'v0.4' },
    });
  });

  it('when /openapi.json is asked, then info.version is 0.4.0 and the schemas are the v0.4 ones', async () => {
    const { body } = await call<{
      info: { version: string; description: string };
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>(api.url, 'GET', '/openapi.json', { token: null });
    expect(body.info.version).toBe('0.4.0');
    expect(body.info.description).toContain('v0.4');
    const save = Object.keys(body.components.schemas.SaveClusterBody?.properties ?? {});
    expect(save).toEqual(expect.arrayContaining(['components_list', 'kubeconfig', 'vcluster']));
    expect(save).not.toContain('traefik');
    expect(save).not.toContain('argocd_host');
    const cluster = Object.keys(body.components.schemas.Cluster?.properties ?? {});
    expect(cluster).toContain('components_list');
    for (const gone of ['kubeconfig', 'vcluster', 'traefik', 'argocd_host', 'tekton_host']) {
      expect(cluster).not.toContain(gone);
    }
  });
});
