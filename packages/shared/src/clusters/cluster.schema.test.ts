import { describe, expect, it } from 'vitest';
import { ClusterListSchema, ClusterSchema, deletedMessage, savedMessage } from './cluster.schema';

const contractExample = {
  name: 'cluster-virtual',
  cluster_kind: 'kubernetes',
  cluster_type: 'virtual',
  usage: 'worker',
  worker_type: 'pipeline',
  host_cluster: 'cluster-host',
  api_server: 'https://8.217.50.114:31456',
  primary_domain: '8.217.50.114.nip.io',
};

describe('ClusterSchema', () => {
  it("when the contract's example is parsed, then it is kept as is", () => {
    expect(ClusterSchema.parse(contractExample)).toEqual(contractExample);
  });

  it('when the real server sends "" for unset fields, then they come out absent', () => {
    const cluster = ClusterSchema.parse({
      ...contractExample,
      worker_type: '',
      host_cluster: '',
      primary_domain: '',
      argocd_host: null,
      traefik: '',
    });
    expect(cluster.worker_type).toBeUndefined();
    expect(cluster.host_cluster).toBeUndefined();
    expect(cluster.primary_domain).toBeUndefined();
    expect(cluster.argocd_host).toBeUndefined();
    expect(cluster.traefik).toBeUndefined();
  });

  it('when a v0.4 components_list is sent, then it is read, null categories kept as null', () => {
    const components_list = {
      gateway: { name: 'traefik', namespace: 'traefik', additions: { httpNodePort: '30080' } },
      event_listener: null,
    };
    const result = ClusterSchema.safeParse({ ...contractExample, components_list });
    expect(result.success && result.data.components_list).toEqual(components_list);
  });

  it('when components_list is malformed, then the cluster is still read, without it', () => {
    const result = ClusterSchema.safeParse({ ...contractExample, components_list: { a: 1 } });
    expect(result.success).toBe(true);
    expect(result.success && result.data.components_list).toBeUndefined();
  });

  it('when our fuller shape is sent, then traefik, vcluster and the maps are read', () => {
    const cluster = ClusterSchema.parse({
      ...contractExample,
      traefik: { http_node_port: '30080', https_node_port: '' },
      vcluster: { https_node_port: '31456' },
      reserved_namespaces_allowed_products: { argocd: ['p1'] },
      product_allowed_cluster_resources: { p1: [{ kind: 'ClusterRole', group: 'rbac' }] },
    });
    expect(cluster.traefik).toEqual({ http_node_port: '30080' });
    expect(cluster.vcluster).toEqual({ https_node_port: '31456' });
  });

  it.each([
    { name: 'the name is missing', patch: { name: undefined } },
    { name: 'api_server is a number', patch: { api_server: 6443 } },
    { name: 'usage is missing', patch: { usage: undefined } },
  ])('when $name, then it is refused', ({ patch }) => {
    expect(ClusterSchema.safeParse({ ...contractExample, ...patch }).success).toBe(false);
  });
});

describe('ClusterListSchema', () => {
  it.each([
    { name: 'empty', input: { items: [] }, count: 0 },
    { name: 'null items (Go nil slice)', input: { items: null }, count: 0 },
    { name: 'missing items', input: {}, count: 0 },
    { name: 'one cluster', input: { items: [contractExample] }, count: 1 },
  ])('when the list is $name, then it has $count items', ({ input, count }) => {
    expect(ClusterListSchema.parse(input).items).toHaveLength(count);
  });
});

describe('success messages', () => {
  it('when a cluster is saved or deleted, then the message matches the real server', () => {
    expect(savedMessage('c1')).toBe('Successfully saved c1 cluster');
    expect(deletedMessage('c1')).toBe('Successfully deleted c1 cluster');
  });
});
