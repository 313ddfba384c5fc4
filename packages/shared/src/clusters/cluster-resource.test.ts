import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SEED_REQUEST_FILES, seedRequest } from '../../tests/fixtures';
import {
  KUSTOMIZATION_PATH,
  clusterFileName,
  clusterFilePath,
  clusterResourceToYaml,
  fromClusterResource,
  kubeconfigSecretLocation,
  parseClusterResourceYaml,
  toClusterResource,
} from './cluster-resource';
import { applyDefaults } from './defaults';
import type { SaveClusterBody } from './save-body.schema';
import { validateSaveBody } from './validate-save-body';

const NAMES = {
  'cluster-host.json': 'cluster-host',
  'cluster-virtual.json': 'vcluster-virtual',
  'cluster-physical.json': 'host-worker-aliyun-0412',
} as const;

function defaulted(file: (typeof SEED_REQUEST_FILES)[number]): SaveClusterBody {
  const result = validateSaveBody(seedRequest(file));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return applyDefaults(NAMES[file], result.body);
}

describe('cluster file locations', () => {
  it('when a name is given, then the file, kustomization and secret paths follow the contract', () => {
    expect(clusterFileName('c1')).toBe('c1.yaml');
    expect(clusterFilePath('c1')).toBe('nautes/overlays/production/clusters/c1.yaml');
    expect(KUSTOMIZATION_PATH).toBe('nautes/overlays/production/clusters/kustomization.yaml');
    expect(kubeconfigSecretLocation('c1')).toEqual({
      mount: 'cluster',
      path: 'kubernetes/c1/default/admin',
      key: 'kubeconfig',
    });
  });
});

describe('toClusterResource', () => {
  it('when the seed host is converted, then the YAML is exactly the expected file', () => {
    const yaml = clusterResourceToYaml(
      toClusterResource('cluster-host', defaulted('cluster-host.json')),
    );
    expect(yaml).toBe(
      [
        'apiVersion: nautes.resource.nautes.io/v1alpha1',
        'kind: Cluster',
        'metadata:',
        '  name: cluster-host',
        '  namespace: nautes',
        'spec:',
        '  apiServer: https://8.217.50.114:6443',
        '  clusterKind: kubernetes',
        '  clusterType: physical',
        '  usage: host',
        '  primaryDomain: 8.217.50.114.nip.io',
        '  traefik:',
        '    httpNodePort: "30080"',
        '    httpsNodePort: "30443"',
        '',
      ].join('\n'),
    );
  });

  it.each(SEED_REQUEST_FILES)(
    'when %s is converted, then the kubeconfig is nowhere in it',
    (file) => {
      const yaml = clusterResourceToYaml(toClusterResource(NAMES[file], defaulted(file)));
      expect(yaml).not.toMatch(/kubeconfig|client-key-data|certificate-authority-data|LS0t/);
    },
  );

  it('when a body has empty values, then they are left out of the spec', () => {
    const resource = toClusterResource('c1', {
      api_server: 'https://10.0.0.1:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      host_cluster: '',
      primary_domain: '',
      traefik: { http_node_port: '30080', https_node_port: '30443' },
      reserved_namespaces_allowed_products: {},
    });
    expect(Object.keys(resource.spec)).toEqual([
      'apiServer',
      'clusterKind',
      'clusterType',
      'usage',
      'traefik',
    ]);
  });

  it('when map keys come in any order, then the YAML is the same (it diffs cleanly)', () => {
    const base = defaulted('cluster-host.json');
    const a = toClusterResource('c', {
      ...base,
      reserved_namespaces_allowed_products: { zeta: ['p2'], alpha: ['p1'] },
      product_allowed_cluster_resources: { p2: [{ kind: 'Role', group: 'rbac' }], p1: [] },
    });
    const b = toClusterResource('c', {
      ...base,
      product_allowed_cluster_resources: { p1: [], p2: [{ kind: 'Role', group: 'rbac' }] },
      reserved_namespaces_allowed_products: { alpha: ['p1'], zeta: ['p2'] },
    });
    expect(clusterResourceToYaml(a)).toBe(clusterResourceToYaml(b));
    expect(clusterResourceToYaml(a).indexOf('alpha')).toBeLessThan(
      clusterResourceToYaml(a).indexOf('zeta'),
    );
  });
});

describe('round trip body -> resource -> YAML -> resource -> cluster', () => {
  it.each(SEED_REQUEST_FILES)(
    'when %s goes round, then the cluster equals the body without kubeconfig',
    (file) => {
      const body = defaulted(file);
      const yaml = clusterResourceToYaml(toClusterResource(NAMES[file], body));
      const cluster = fromClusterResource(parseClusterResourceYaml(yaml));
      const expected: Record<string, unknown> = { name: NAMES[file], ...body };
      delete expected.kubeconfig;
      expect(cluster).toEqual(expected);
    },
  );

  it('when a body with both maps goes round, then the maps survive', () => {
    const body = {
      ...defaulted('cluster-physical.json'),
      reserved_namespaces_allowed_products: { argocd: ['p1', 'p2'] },
      product_allowed_cluster_resources: {
        p1: [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
      },
    };
    const yaml = clusterResourceToYaml(toClusterResource('w1', body));
    expect(parse(yaml)).toMatchObject({
      spec: {
        reservedNamespacesAllowedProducts: { argocd: ['p1', 'p2'] },
        productAllowedClusterResources: {
          p1: [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
        },
      },
    });
    const cluster = fromClusterResource(parseClusterResourceYaml(yaml));
    expect(cluster.reserved_namespaces_allowed_products).toEqual(
      body.reserved_namespaces_allowed_products,
    );
    expect(cluster.product_allowed_cluster_resources).toEqual(
      body.product_allowed_cluster_resources,
    );
  });

  it('when the same body is written twice, then the YAML is byte-identical', () => {
    const body = defaulted('cluster-virtual.json');
    expect(clusterResourceToYaml(toClusterResource('v', body))).toBe(
      clusterResourceToYaml(toClusterResource('v', { ...body })),
    );
  });
});

describe('parseClusterResourceYaml', () => {
  const valid = clusterResourceToYaml(
    toClusterResource('cluster-host', defaulted('cluster-host.json')),
  );

  it.each([
    { name: 'broken YAML', text: 'spec: [', error: /not valid YAML/ },
    { name: 'another kind', text: valid.replace('kind: Cluster', 'kind: Secret'), error: /kind/ },
    { name: 'another API version', text: valid.replace('v1alpha1', 'v1'), error: /apiVersion/ },
    {
      name: 'no apiServer',
      text: valid.replace(/ {2}apiServer: .*\n/, ''),
      error: /spec\.apiServer/,
    },
    { name: 'an empty file', text: '', error: /not a Cluster resource/ },
  ])('when the file has $name, then it throws naming the problem', ({ text, error }) => {
    expect(() => parseClusterResourceYaml(text)).toThrow(error);
  });

  it('when the file has unknown spec fields (a newer writer), then they are ignored', () => {
    const withExtra = valid.replace('spec:\n', 'spec:\n  futureSetting: {}\n');
    expect(parseClusterResourceYaml(withExtra).spec).not.toHaveProperty('futureSetting');
  });
});
