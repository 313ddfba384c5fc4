import { describe, expect, it } from 'vitest';
import { ClusterListSchema, ClusterSchema, readClusterReply } from '@cluster-console/shared';
import { normalizeCluster, normalizeClusterList, readClusterFields } from './normalize-clusters';

const samples: unknown[] = [
  {
    name: 'cluster-virtual',
    cluster_kind: 'kubernetes',
    cluster_type: 'virtual',
    usage: 'worker',
    worker_type: 'pipeline',
    host_cluster: 'cluster-host',
    api_server: 'https://8.217.50.114:31456',
    primary_domain: '8.217.50.114.nip.io',
  },
  // The real server's empty strings and nulls, and a field a newer server might add.
  {
    name: 'cluster-host',
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'host',
    worker_type: '',
    host_cluster: null,
    api_server: 'https://8.217.50.114:6443',
    primary_domain: '',
    traefik: { http_node_port: '30080', https_node_port: '' },
    vcluster: '',
    components_list: { gateway: {} },
  },
  {
    name: 'full',
    cluster_kind: 'kubernetes',
    cluster_type: 'physical',
    usage: 'worker',
    worker_type: 'deployment',
    api_server: 'https://example.com',
    argocd_host: 'argocd.full.example.com',
    tekton_host: 'tekton.full.example.com',
    reserved_namespaces_allowed_products: { argocd: ['product-a'] },
    product_allowed_cluster_resources: {
      'product-a': [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
    },
  },
];

const v04Reply = {
  name: 'physical-worker-pipeline',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  host_cluster: '',
  primary_domain: '8.217.50.114.nip.io',
  worker_type: 'pipeline',
  api_server: 'https://8.217.50.114:6443',
  components_list: {
    multi_tenant: { name: 'hnc', namespace: 'hnc-system', additions: null },
    secret_sync: { name: 'external-secrets', namespace: 'external-secrets', additions: {} },
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
    event_listener: null,
    secret_management: { name: 'vault', namespace: 'vault', additions: null },
    oauth_proxy: { name: 'oauth2-proxy', namespace: 'oauth2-proxy', additions: null },
  },
  reserved_namespaces_allowed_products: {},
  product_allowed_cluster_resources: null,
};

const minimal = samples[0] as Record<string, unknown>;

describe('readClusterFields', () => {
  it.each([...samples, v04Reply].map((sample, index) => [index, sample]))(
    'when reading sample %i, then the result equals the shared ClusterSchema',
    (_index, sample) => {
      expect(readClusterFields(sample)).toEqual(ClusterSchema.parse(sample));
    },
  );

  it('when components_list is malformed, then both read it as absent', () => {
    for (const components_list of [{ gateway: {} }, { gateway: 'x' }, [1], 7]) {
      const sample = { ...minimal, components_list };
      expect(readClusterFields(sample)).toEqual(ClusterSchema.parse(sample));
      expect(readClusterFields(sample).components_list).toBeUndefined();
    }
  });

  it('when a required field is missing or of the wrong type, then both refuse it', () => {
    for (const bad of [{ name: 'x' }, { ...minimal, api_server: 7 }, 'text', null]) {
      expect(() => ClusterSchema.parse(bad)).toThrow();
      expect(() => normalizeCluster(bad)).toThrow();
    }
  });
});

describe('normalizeCluster', () => {
  it('when a v0.3 reply is read, then it keeps its fields and is marked v0.3', () => {
    const view = normalizeCluster(samples[2]);
    expect(view.generation).toBe('v0.3');
    expect(view.argocd_host).toBe('argocd.full.example.com');
    expect(view.tekton_host).toBe('tekton.full.example.com');
    expect(view.components).toBeUndefined();
    expect(view.reserved_namespaces_allowed_products).toEqual({ argocd: ['product-a'] });
  });

  it.each([...samples, v04Reply].map((sample, index) => [index, sample]))(
    'when reading sample %i, then the result equals the shared readClusterReply of the schema-read cluster',
    (_index, sample) => {
      const cluster = ClusterSchema.parse(sample);
      for (const key of ['traefik', 'vcluster', 'components_list'] as const) {
        const value = cluster[key];
        if (value != null && Object.keys(value).length === 0) delete cluster[key];
      }
      expect(normalizeCluster(sample)).toEqual(readClusterReply(cluster));
    },
  );

  it('when a v0.4 reply is read, then the hosts and ports come from its components', () => {
    const view = normalizeCluster(v04Reply);
    expect(view.generation).toBe('v0.4');
    expect(view.argocd_host).toBe('argocd.physical-worker-pipeline.8.217.50.114.nip.io');
    expect(view.tekton_host).toBe('tekton.physical-worker-pipeline.8.217.50.114.nip.io');
    expect(view.traefik).toEqual({ http_node_port: '30080', https_node_port: '30443' });
    expect(Object.keys(view.components ?? {})).toEqual([
      'multi_tenant',
      'secret_sync',
      'gateway',
      'deployment',
      'pipeline',
      'secret_management',
      'oauth_proxy',
    ]);
    expect(view.components?.secret_sync).toEqual({
      name: 'external-secrets',
      namespace: 'external-secrets',
    });
    expect(view).not.toHaveProperty('components_list');
    expect(view).not.toHaveProperty('host_cluster');
    expect(view).not.toHaveProperty('reserved_namespaces_allowed_products');
    expect(view).not.toHaveProperty('product_allowed_cluster_resources');
  });

  it.each([
    ['""', ''],
    ['null', null],
    ['{}', {}],
  ])('when every optional object is %s, then each is absent', (_label, blank) => {
    const view = normalizeCluster({
      ...minimal,
      worker_type: blank === null ? null : '',
      host_cluster: blank === null ? null : '',
      primary_domain: '',
      argocd_host: '',
      tekton_host: null,
      traefik: blank,
      vcluster: blank,
      components_list: blank,
      reserved_namespaces_allowed_products: blank,
      product_allowed_cluster_resources: blank,
    });
    expect(view).toEqual({
      name: 'cluster-virtual',
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      api_server: 'https://8.217.50.114:31456',
      generation: 'v0.3',
    });
  });

  it('when traefik holds only empty ports, then traefik is absent', () => {
    const view = normalizeCluster({
      ...minimal,
      traefik: { http_node_port: '', https_node_port: null },
    });
    expect(view).not.toHaveProperty('traefik');
  });

  it('when the list has no items (null, missing or empty), then it equals the shared schema', () => {
    for (const body of [{ items: null }, {}, { items: [] }]) {
      expect(normalizeClusterList(body)).toEqual(ClusterListSchema.parse(body));
    }
  });

  it('when the list mixes generations, then every item is read into the one shape', () => {
    const { items } = normalizeClusterList({ items: [samples[0], v04Reply] });
    expect(items.map((item) => item.generation)).toEqual(['v0.3', 'v0.4']);
    expect(items[1]?.argocd_host).toBe('argocd.physical-worker-pipeline.8.217.50.114.nip.io');
  });
});
