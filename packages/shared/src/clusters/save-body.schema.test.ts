import { describe, expect, it } from 'vitest';
import { SEED_REQUEST_FILES, seedKubeconfig, seedRequest, toBase64 } from '../../tests/fixtures';
import { NO_CLUSTERS_KUBECONFIG, NO_USERS_KUBECONFIG } from '../../tests/kubeconfigs';
import { SAVE_BODY_FIELD_PATHS, SaveClusterBodySchema } from './save-body.schema';
import {
  validateSaveBody,
  validateSaveRequest,
  type SaveBodyValidation,
} from './validate-save-body';

const physicalHost = () => seedRequest('cluster-host.json');
const physicalWorker = () => seedRequest('cluster-physical.json');
const virtualWorker = () => seedRequest('cluster-virtual.json');

function errorsOf(result: SaveBodyValidation): Record<string, string> {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.body)}`);
  return result.fieldErrors;
}

describe('validateSaveBody with the seed requests', () => {
  it.each(SEED_REQUEST_FILES)('when %s is sent, then it is valid and kept as sent', (file) => {
    const body = seedRequest(file);
    expect(validateSaveBody(body)).toEqual({ ok: true, body });
  });

  it.each(SEED_REQUEST_FILES)('when %s is parsed by the zod schema, then it passes', (file) => {
    expect(SaveClusterBodySchema.safeParse(seedRequest(file)).success).toBe(true);
  });

  it('when the seed host carries its kubeconfig as base64, then it is valid', () => {
    const body = { ...physicalHost(), kubeconfig: toBase64(seedKubeconfig()) };
    expect(validateSaveBody(body).ok).toBe(true);
  });
});

describe('validateSaveBody: valid type/usage/worker_type combinations', () => {
  it.each([
    { type: 'physical', usage: 'host', worker: undefined },
    { type: 'physical', usage: 'worker', worker: 'pipeline' },
    { type: 'physical', usage: 'worker', worker: 'deployment' },
    { type: 'virtual', usage: 'worker', worker: 'pipeline' },
    { type: 'virtual', usage: 'worker', worker: 'deployment' },
  ])('when a $type $usage ($worker) is sent, then it is valid', ({ type, usage, worker }) => {
    const base = type === 'physical' ? physicalHost() : virtualWorker();
    const body: Record<string, unknown> = {
      ...base,
      cluster_type: type,
      usage,
      worker_type: worker,
    };
    expect(validateSaveBody(body).ok).toBe(true);
  });

  it('when a virtual host is sent, then usage is refused', () => {
    const body = { ...virtualWorker(), usage: 'host', worker_type: '' };
    expect(errorsOf(validateSaveBody(body))).toEqual({
      usage: expect.stringMatching(/virtual cluster can only be a worker/) as unknown,
    });
  });
});

type Case = { name: string; body: Record<string, unknown>; path: string; message: RegExp };

const without = (body: Record<string, unknown>, key: string) => {
  const copy = { ...body };
  delete copy[key];
  return copy;
};

/** One failing case per rule of the contract's table, with the field path it must name. */
const FAILING_CASES: Case[] = [
  // api_server
  {
    name: 'api_server missing',
    body: without(physicalHost(), 'api_server'),
    path: 'api_server',
    message: /Enter the URL/,
  },
  {
    name: 'api_server empty',
    body: { ...physicalHost(), api_server: '' },
    path: 'api_server',
    message: /Enter the URL/,
  },
  {
    name: 'api_server a number',
    body: { ...physicalHost(), api_server: 6443 },
    path: 'api_server',
    message: /must be a string, e.g. "6443"/,
  },
  {
    name: 'api_server without a scheme',
    body: { ...physicalHost(), api_server: '8.217.50.114:6443' },
    path: 'api_server',
    message: /Start the address with "https:\/\/"/,
  },
  {
    name: 'api_server with ftp',
    body: { ...physicalHost(), api_server: 'ftp://8.217.50.114' },
    path: 'api_server',
    message: /https:\/\//,
  },
  {
    name: 'api_server without a host',
    body: { ...physicalHost(), api_server: 'https://' },
    path: 'api_server',
    message: /valid URL|host/,
  },
  {
    name: 'api_server with port 0',
    body: { ...physicalHost(), api_server: 'https://8.217.50.114:0' },
    path: 'api_server',
    message: /between 1 and 65535/,
  },
  {
    name: 'api_server with port 65536',
    body: { ...physicalHost(), api_server: 'https://8.217.50.114:65536' },
    path: 'api_server',
    message: /between 1 and 65535/,
  },
  {
    name: 'api_server with a non-numeric port',
    body: { ...physicalHost(), api_server: 'https://8.217.50.114:https' },
    path: 'api_server',
    message: /between 1 and 65535/,
  },
  {
    name: 'api_server with credentials',
    body: { ...physicalHost(), api_server: 'https://admin:pw@8.217.50.114' },
    path: 'api_server',
    message: /user name and password/,
  },
  {
    name: 'api_server with spaces',
    body: { ...physicalHost(), api_server: ' https://8.217.50.114:6443' },
    path: 'api_server',
    message: /spaces/,
  },
  {
    name: 'api_server relative',
    body: { ...physicalHost(), api_server: '/api' },
    path: 'api_server',
    message: /https:\/\//,
  },
  // cluster_kind
  {
    name: 'cluster_kind missing',
    body: without(physicalHost(), 'cluster_kind'),
    path: 'cluster_kind',
    message: /"kubernetes"/,
  },
  {
    name: 'cluster_kind unknown',
    body: { ...physicalHost(), cluster_kind: 'openshift' },
    path: 'cluster_kind',
    message: /Choose "kubernetes" \(got "openshift"\)/,
  },
  {
    name: 'cluster_kind not a string',
    body: { ...physicalHost(), cluster_kind: true },
    path: 'cluster_kind',
    message: /must be a string/,
  },
  // cluster_type
  {
    name: 'cluster_type missing',
    body: without(physicalHost(), 'cluster_type'),
    path: 'cluster_type',
    message: /"physical".*"virtual"/,
  },
  {
    name: 'cluster_type unknown',
    body: { ...physicalHost(), cluster_type: 'cloud' },
    path: 'cluster_type',
    message: /Choose "physical" or "virtual"/,
  },
  // usage
  {
    name: 'usage missing',
    body: without(physicalHost(), 'usage'),
    path: 'usage',
    message: /"host".*"worker"/,
  },
  {
    name: 'usage unknown',
    body: { ...physicalHost(), usage: 'edge' },
    path: 'usage',
    message: /Choose "host" or "worker"/,
  },
  {
    name: 'usage host on a virtual cluster',
    body: { ...virtualWorker(), usage: 'host', worker_type: '' },
    path: 'usage',
    message: /only be a worker/,
  },
  // worker_type
  {
    name: 'worker_type missing on a worker',
    body: without(physicalWorker(), 'worker_type'),
    path: 'worker_type',
    message: /"pipeline".*"deployment"/,
  },
  {
    name: 'worker_type empty on a worker',
    body: { ...virtualWorker(), worker_type: '' },
    path: 'worker_type',
    message: /"pipeline".*"deployment"/,
  },
  {
    name: 'worker_type unknown',
    body: { ...physicalWorker(), worker_type: 'batch' },
    path: 'worker_type',
    message: /Choose "pipeline" or "deployment" \(got "batch"\)/,
  },
  {
    name: 'worker_type on a host',
    body: { ...physicalHost(), worker_type: 'pipeline' },
    path: 'worker_type',
    message: /Leave worker_type empty for a host/,
  },
  // host_cluster
  {
    name: 'host_cluster missing on a virtual cluster',
    body: without(virtualWorker(), 'host_cluster'),
    path: 'host_cluster',
    message: /Name the registered host cluster/,
  },
  {
    name: 'host_cluster empty on a virtual cluster',
    body: { ...virtualWorker(), host_cluster: '' },
    path: 'host_cluster',
    message: /Name the registered host cluster/,
  },
  {
    name: 'host_cluster on a physical cluster',
    body: { ...physicalWorker(), host_cluster: 'cluster-host' },
    path: 'host_cluster',
    message: /Leave host_cluster empty for a physical/,
  },
  {
    name: 'host_cluster not a cluster name',
    body: { ...virtualWorker(), host_cluster: 'Cluster_Host' },
    path: 'host_cluster',
    message: /lowercase/,
  },
  // DNS names
  {
    name: 'primary_domain with capitals',
    body: { ...physicalHost(), primary_domain: 'Example.COM' },
    path: 'primary_domain',
    message: /lowercase letters only, e.g. "example.com"/,
  },
  {
    name: 'primary_domain with an underscore',
    body: { ...physicalHost(), primary_domain: 'my_domain.com' },
    path: 'primary_domain',
    message: /Use only lowercase letters, digits/,
  },
  {
    name: 'primary_domain with a scheme',
    body: { ...physicalHost(), primary_domain: 'https://example.com' },
    path: 'primary_domain',
    message: /without "http:\/\/"/,
  },
  {
    name: 'primary_domain with a port',
    body: { ...physicalHost(), primary_domain: 'example.com:443' },
    path: 'primary_domain',
    message: /without a port/,
  },
  {
    name: 'primary_domain with an empty label',
    body: { ...physicalHost(), primary_domain: 'example..com' },
    path: 'primary_domain',
    message: /empty part/,
  },
  {
    name: 'primary_domain with a label of 64',
    body: { ...physicalHost(), primary_domain: `${'a'.repeat(64)}.com` },
    path: 'primary_domain',
    message: /at most 63/,
  },
  {
    name: 'primary_domain longer than 253',
    body: { ...physicalHost(), primary_domain: Array(64).fill('abc').join('.') },
    path: 'primary_domain',
    message: /at most 253/,
  },
  {
    name: 'primary_domain a number',
    body: { ...physicalHost(), primary_domain: 42 },
    path: 'primary_domain',
    message: /must be a string/,
  },
  {
    name: 'argocd_host with a leading dash label',
    body: { ...physicalWorker(), argocd_host: 'argocd.-bad.example.com' },
    path: 'argocd_host',
    message: /Start and end each part/,
  },
  {
    name: 'tekton_host with a space',
    body: { ...virtualWorker(), tekton_host: 'tekton example.com' },
    path: 'tekton_host',
    message: /Use only lowercase letters/,
  },
  // ports
  {
    name: 'traefik.https_node_port a JSON number',
    body: { ...physicalHost(), traefik: { http_node_port: '30080', https_node_port: 30443 } },
    path: 'traefik.https_node_port',
    message: /^must be a string, e.g. "30443"$/,
  },
  {
    name: 'traefik.http_node_port 0',
    body: { ...physicalHost(), traefik: { http_node_port: '0' } },
    path: 'traefik.http_node_port',
    message: /between 1 and 65535/,
  },
  {
    name: 'traefik.http_node_port 65536',
    body: { ...physicalHost(), traefik: { http_node_port: '65536' } },
    path: 'traefik.http_node_port',
    message: /between 1 and 65535/,
  },
  {
    name: 'traefik.http_node_port with a sign',
    body: { ...physicalHost(), traefik: { http_node_port: '+80' } },
    path: 'traefik.http_node_port',
    message: /decimal digits only/,
  },
  {
    name: 'traefik.http_node_port in hex',
    body: { ...physicalHost(), traefik: { http_node_port: '0x50' } },
    path: 'traefik.http_node_port',
    message: /decimal digits only/,
  },
  {
    name: 'traefik.http_node_port with an exponent',
    body: { ...physicalHost(), traefik: { http_node_port: '3e4' } },
    path: 'traefik.http_node_port',
    message: /decimal digits only/,
  },
  {
    name: 'traefik not an object',
    body: { ...physicalHost(), traefik: '30080' },
    path: 'traefik',
    message: /must be an object/,
  },
  {
    name: 'vcluster.https_node_port not digits',
    body: { ...virtualWorker(), vcluster: { https_node_port: 'port' } },
    path: 'vcluster.https_node_port',
    message: /decimal digits only/,
  },
  {
    name: 'vcluster.https_node_port a JSON number',
    body: { ...virtualWorker(), vcluster: { https_node_port: 31456 } },
    path: 'vcluster.https_node_port',
    message: /must be a string, e.g. "31456"/,
  },
  {
    name: 'vcluster an array',
    body: { ...virtualWorker(), vcluster: ['31456'] },
    path: 'vcluster',
    message: /must be an object/,
  },
  // kubeconfig
  {
    name: 'kubeconfig missing on a physical cluster',
    body: without(physicalHost(), 'kubeconfig'),
    path: 'kubeconfig',
    message: /Paste the kubeconfig/,
  },
  {
    name: 'kubeconfig empty on a physical cluster',
    body: { ...physicalWorker(), kubeconfig: '' },
    path: 'kubeconfig',
    message: /Paste the kubeconfig/,
  },
  {
    name: 'kubeconfig with broken YAML',
    body: { ...physicalHost(), kubeconfig: 'apiVersion: v1\nclusters:\n  - name: a\n   x: 1\n' },
    path: 'kubeconfig',
    message: /not valid YAML at line 4/,
  },
  {
    name: 'kubeconfig without clusters',
    body: { ...physicalHost(), kubeconfig: NO_CLUSTERS_KUBECONFIG },
    path: 'kubeconfig',
    message: /no clusters/,
  },
  {
    name: 'kubeconfig without users',
    body: { ...physicalHost(), kubeconfig: NO_USERS_KUBECONFIG },
    path: 'kubeconfig',
    message: /no users/,
  },
  {
    name: 'kubeconfig as base64 without users',
    body: { ...physicalHost(), kubeconfig: toBase64(NO_USERS_KUBECONFIG) },
    path: 'kubeconfig',
    message: /no users/,
  },
  {
    name: 'kubeconfig an object',
    body: { ...physicalHost(), kubeconfig: { apiVersion: 'v1' } },
    path: 'kubeconfig',
    message: /must be a string/,
  },
  // maps
  {
    name: 'reserved namespaces not an object',
    body: { ...physicalHost(), reserved_namespaces_allowed_products: ['argocd'] },
    path: 'reserved_namespaces_allowed_products',
    message: /must be an object mapping a namespace/,
  },
  {
    name: 'reserved namespace products not a list',
    body: { ...physicalHost(), reserved_namespaces_allowed_products: { argocd: 'p1' } },
    path: 'reserved_namespaces_allowed_products.argocd',
    message: /must be a list of product names/,
  },
  {
    name: 'reserved namespace product a number',
    body: { ...physicalHost(), reserved_namespaces_allowed_products: { argocd: [7] } },
    path: 'reserved_namespaces_allowed_products.argocd.0',
    message: /must be a string, e.g. "7"/,
  },
  {
    name: 'reserved namespace product empty',
    body: { ...physicalHost(), reserved_namespaces_allowed_products: { argocd: [''] } },
    path: 'reserved_namespaces_allowed_products.argocd.0',
    message: /Enter a product name/,
  },
  {
    name: 'reserved namespace not a namespace name',
    body: { ...physicalHost(), reserved_namespaces_allowed_products: { Argo_CD: ['p1'] } },
    path: 'reserved_namespaces_allowed_products.Argo_CD',
    message: /not a namespace name/,
  },
  {
    name: 'product resources not an object',
    body: { ...physicalHost(), product_allowed_cluster_resources: 'p1' },
    path: 'product_allowed_cluster_resources',
    message: /must be an object mapping a product/,
  },
  {
    name: 'product resources not a list',
    body: {
      ...physicalHost(),
      product_allowed_cluster_resources: { p1: { kind: 'ClusterRole', group: 'g' } },
    },
    path: 'product_allowed_cluster_resources.p1',
    message: /must be a list/,
  },
  {
    name: 'product resource kind empty',
    body: {
      ...physicalHost(),
      product_allowed_cluster_resources: { p1: [{ kind: '', group: 'rbac.authorization.k8s.io' }] },
    },
    path: 'product_allowed_cluster_resources.p1.0.kind',
    message: /Enter the resource kind/,
  },
  {
    name: 'product resource group missing',
    body: {
      ...physicalHost(),
      product_allowed_cluster_resources: { p1: [{ kind: 'ClusterRole' }] },
    },
    path: 'product_allowed_cluster_resources.p1.0.group',
    message: /Enter the API group/,
  },
  {
    name: 'product resource not an object',
    body: { ...physicalHost(), product_allowed_cluster_resources: { p1: ['ClusterRole'] } },
    path: 'product_allowed_cluster_resources.p1.0',
    message: /must be an object like/,
  },
];

describe('validateSaveBody: every rule has a failing case keyed by its field path', () => {
  it.each(FAILING_CASES)('when $name, then $path is refused', ({ body, path, message }) => {
    const errors = errorsOf(validateSaveBody(body));
    expect(errors[path]).toMatch(message);
    expect(Object.keys(errors)).toEqual([path]);
  });

  it.each(FAILING_CASES)('when $name, then the zod schema refuses it too', ({ body, path }) => {
    const result = SaveClusterBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('validateSaveBody: the body as a whole', () => {
  it.each([
    { name: 'an array', input: [] },
    { name: 'null', input: null },
    { name: 'a string', input: '{"api_server": "https://x"}' },
    { name: 'a number', input: 42 },
  ])('when the body is $name, then the error is keyed "body"', ({ input }) => {
    expect(Object.keys(errorsOf(validateSaveBody(input)))).toEqual(['body']);
  });

  it('when several fields are wrong at once, then each gets its own message', () => {
    const errors = errorsOf(
      validateSaveBody({
        api_server: 'https://8.217.50.114:6443',
        cluster_kind: 'kubernetes',
        cluster_type: 'virtual',
        usage: 'worker',
        vcluster: { https_node_port: 31456 },
        primary_domain: 'BAD_DOMAIN',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'host_cluster',
      'primary_domain',
      'vcluster.https_node_port',
      'worker_type',
    ]);
  });

  it('when a field has the wrong type and breaks a rule, then only the type message is kept', () => {
    const errors = errorsOf(validateSaveBody({ ...physicalWorker(), worker_type: 1 }));
    expect(errors).toEqual({ worker_type: 'must be a string, e.g. "1"' });
  });

  it('when unknown fields are sent, top-level or nested, then they are dropped', () => {
    const result = validateSaveBody({
      ...physicalHost(),
      components_list: { gateway: {} },
      traefik: { http_node_port: '30080', https_node_port: '30443', tls: 'yes' },
      product_allowed_cluster_resources: { p1: [{ kind: 'Role', group: 'rbac', extra: 1 }] },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).not.toHaveProperty('components_list');
    expect(result.body.traefik).toEqual({ http_node_port: '30080', https_node_port: '30443' });
    expect(result.body.product_allowed_cluster_resources).toEqual({
      p1: [{ kind: 'Role', group: 'rbac' }],
    });
  });

  it('when optional fields are "" or null, then they count as absent and are left out', () => {
    const result = validateSaveBody({
      ...physicalHost(),
      worker_type: '',
      host_cluster: null,
      primary_domain: '',
      argocd_host: null,
      traefik: { http_node_port: '', https_node_port: null },
      vcluster: {},
      reserved_namespaces_allowed_products: {},
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.body).sort()).toEqual([
      'api_server',
      'cluster_kind',
      'cluster_type',
      'kubeconfig',
      'usage',
    ]);
  });

  it('when a virtual cluster carries a kubeconfig, even a broken one, then it is ignored and dropped', () => {
    const result = validateSaveBody({ ...virtualWorker(), kubeconfig: 'not: [valid' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.body).not.toHaveProperty('kubeconfig');
  });

  it('when an update may keep the stored kubeconfig, then a physical body without one is valid', () => {
    const body = without(physicalHost(), 'kubeconfig');
    expect(validateSaveBody(body, { kubeconfigOptional: true }).ok).toBe(true);
    const broken = { ...body, kubeconfig: NO_USERS_KUBECONFIG };
    expect(errorsOf(validateSaveBody(broken, { kubeconfigOptional: true }))).toHaveProperty(
      'kubeconfig',
    );
  });

  it('when valid maps are sent, then they are kept', () => {
    const maps = {
      reserved_namespaces_allowed_products: { argocd: ['p1', 'p2'], 'tekton-pipelines': [] },
      product_allowed_cluster_resources: {
        p1: [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
      },
    };
    const result = validateSaveBody({ ...physicalHost(), ...maps });
    expect(result).toMatchObject({ ok: true, body: maps });
  });

  it('lists every scalar field path once', () => {
    expect(new Set(SAVE_BODY_FIELD_PATHS).size).toBe(SAVE_BODY_FIELD_PATHS.length);
    expect(SAVE_BODY_FIELD_PATHS).toContain('traefik.https_node_port');
  });
});

describe('validateSaveRequest', () => {
  it('when the name and body are valid, then the body is returned', () => {
    expect(validateSaveRequest('vcluster-virtual', virtualWorker())).toMatchObject({ ok: true });
  });

  it.each([
    { name: 'Cluster_Host', message: /lowercase/ },
    { name: '-cluster', message: /Start and end/ },
    { name: 'a'.repeat(64), message: /at most 63/ },
    { name: '', message: /Enter a cluster name/ },
  ])('when the cluster name is "$name", then cluster_name is refused', ({ name, message }) => {
    expect(errorsOf(validateSaveRequest(name, physicalHost())).cluster_name).toMatch(message);
  });

  it('when the name and the body are both wrong, then both are reported', () => {
    const errors = errorsOf(validateSaveRequest('Bad', { ...physicalHost(), usage: 'x' }));
    expect(Object.keys(errors).sort()).toEqual(['cluster_name', 'usage']);
  });

  it('when a virtual cluster names itself as host, then host_cluster is refused', () => {
    const errors = errorsOf(validateSaveRequest('cluster-host', virtualWorker()));
    expect(errors.host_cluster).toMatch(/cannot be its own host/);
  });
});

describe('validateSaveBody against hostile JSON', () => {
  it('when "__proto__" carries fields, then they are not inherited into the body', () => {
    const input = JSON.parse(
      '{"__proto__": {"cluster_type": "virtual", "host_cluster": "x"}, "api_server": "https://10.0.0.1", "cluster_kind": "kubernetes", "usage": "host"}',
    ) as unknown;
    const errors = errorsOf(validateSaveBody(input));
    expect(errors.cluster_type).toMatch(/Choose the cluster type/);
  });
});
