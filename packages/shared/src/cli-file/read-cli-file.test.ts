import { describe, expect, it } from 'vitest';
import { clusterResourceToYaml } from '../clusters/cluster-resource';
import { toClusterResourceV04 } from '../clusters/cluster-resource-v04';
import { applyDefaultsV04, type SaveClusterBodyV04 } from '../clusters/save-body-v04.schema';
import {
  CLI_FILE_MAX_BYTES,
  CLI_FILE_MAX_DOCUMENTS,
  readCliClusterFile,
  type CliFileDocument,
  type CliFileReadResult,
} from './read-cli-file';
import { CONTRACT_EXAMPLE } from './test-fixtures';

const HEAD = 'apiVersion: nautes.resource.nautes.io/v1alpha1\nkind: Cluster\n';

const V03_FILE = `${HEAD}spec:
  name: cluster-physical
  apiServer: https://8.217.50.114:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: worker
  workerType: pipeline
  argocdHost: argocd.cluster-physical.8.217.50.114.nip.io
  tektonHost: tekton.cluster-physical.8.217.50.114.nip.io
  traefik:
    httpNodePort: "30080"
    httpsNodePort: "30443"
`;

function readOk(text: string): Extract<CliFileReadResult, { ok: true }> {
  const result = readCliClusterFile(text);
  if (!result.ok) throw new Error(`file refused: ${result.error.message}`);
  return result;
}

function only(text: string): CliFileDocument {
  const { documents } = readOk(text);
  expect(documents).toHaveLength(1);
  return documents[0] as CliFileDocument;
}

function good(text: string): Extract<CliFileDocument, { ok: true }> {
  const doc = only(text);
  if (!doc.ok) throw new Error(`document refused: ${JSON.stringify(doc.errors)}`);
  return doc;
}

function bad(text: string): Extract<CliFileDocument, { ok: false }> {
  const doc = only(text);
  if (doc.ok) throw new Error('document was read');
  return doc;
}

describe('readCliClusterFile: the two key generations', () => {
  it('when the file has the v0.4 keys (the contract example), then the components and the v0.3 settings are read', () => {
    const doc = good(CONTRACT_EXAMPLE);
    expect(doc.keyGeneration).toBe('v0.4');
    expect(doc.notes).toEqual([]);
    expect(doc.cluster).toEqual({
      name: 'physical-worker-pipeline',
      api_server: 'https://8.217.50.114:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
      primary_domain: '8.217.50.114.nip.io',
      kubeconfig: 'apiVersion: v1\nkind: Config\n...\n',
      components: {
        deployment: {
          name: 'argocd',
          namespace: 'argocd',
          additions: { host: 'argocd.physical-worker-pipeline.8.217.50.114.nip.io' },
        },
        gateway: {
          name: 'traefik',
          namespace: 'traefik',
          additions: { httpNodePort: '30080', httpsNodePort: '30443' },
        },
      },
      argocd_host: 'argocd.physical-worker-pipeline.8.217.50.114.nip.io',
      traefik: { http_node_port: '30080', https_node_port: '30443' },
    });
  });

  it('when the file has the v0.3 keys, then argocdHost, tektonHost and traefik are read', () => {
    const doc = good(V03_FILE);
    expect(doc.keyGeneration).toBe('v0.3');
    expect(doc.notes).toEqual([]);
    expect(doc.cluster).toMatchObject({
      name: 'cluster-physical',
      argocd_host: 'argocd.cluster-physical.8.217.50.114.nip.io',
      tekton_host: 'tekton.cluster-physical.8.217.50.114.nip.io',
      traefik: { http_node_port: '30080', https_node_port: '30443' },
    });
    expect(doc.cluster.components).toBeUndefined();
  });

  it('when both generations carry a setting and disagree, then componentsList wins and a note says so', () => {
    const text = CONTRACT_EXAMPLE.replace(
      '  componentsList:',
      '  argocdHost: argocd.old.example.com\n  traefik:\n    httpNodePort: "30080"\n  componentsList:',
    );
    const doc = good(text);
    expect(doc.keyGeneration).toBe('mixed');
    expect(doc.cluster.argocd_host).toBe('argocd.physical-worker-pipeline.8.217.50.114.nip.io');
    expect(doc.notes).toEqual([
      {
        path: 'spec.argocdHost',
        line: 15,
        message:
          'spec.argocdHost is "argocd.old.example.com" but spec.componentsList.deployment.additions.host is "argocd.physical-worker-pipeline.8.217.50.114.nip.io"; the componentsList value is used.',
      },
    ]);
  });

  it('when a virtual cluster has vcluster.httpsNodePort and the two maps, then they are read', () => {
    const doc = good(`${HEAD}spec:
  name: cluster-virtual
  apiServer: https://8.217.50.114:31456
  clusterKind: kubernetes
  clusterType: virtual
  usage: worker
  workerType: deployment
  hostCluster: cluster-host
  vcluster:
    httpsNodePort: "31456"
  reservedNamespacesAllowedProducts:
    argocd: [product-a, product-b]
  productAllowedClusterResources:
    product-a:
      - kind: ClusterRole
        group: rbac.authorization.k8s.io
`);
    expect(doc.notes).toEqual([]);
    expect(doc.cluster).toMatchObject({
      host_cluster: 'cluster-host',
      vcluster: { https_node_port: '31456' },
      reserved_namespaces_allowed_products: { argocd: ['product-a', 'product-b'] },
      product_allowed_cluster_resources: {
        'product-a': [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
      },
    });
  });
});

describe('readCliClusterFile: several documents and the committed resource form', () => {
  it('when a file holds several documents, then each is read, in order, with its first line', () => {
    const result = readOk(`${CONTRACT_EXAMPLE}---\n${V03_FILE}---\n`);
    expect(result.documents.map((doc) => [doc.index, doc.line, doc.ok])).toEqual([
      [1, 1, true],
      [2, 28, true],
    ]);
    expect(result.clusters.map((cluster) => cluster.name)).toEqual([
      'physical-worker-pipeline',
      'cluster-physical',
    ]);
  });

  it('when the file is a committed v0.4 Cluster resource, then metadata.name is the name and nothing is noted', () => {
    const body: SaveClusterBodyV04 = {
      api_server: 'https://8.217.50.114:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
    };
    const name = 'physical-worker-pipeline';
    const yaml = clusterResourceToYaml(toClusterResourceV04(name, applyDefaultsV04(name, body)));
    const doc = good(yaml);
    expect(doc.cluster.name).toBe(name);
    expect(Object.keys(doc.cluster.components ?? {}).sort()).toEqual([
      'deployment',
      'event_listener',
      'gateway',
      'multi_tenant',
      'pipeline',
      'secret_sync',
    ]);
    // The server-added categories are noted as ignored; nothing else.
    expect(doc.notes.map((n) => n.path)).toEqual([
      'spec.componentsList.oauthProxy',
      'spec.componentsList.secretManagement',
    ]);
  });

  it('when spec.name and metadata.name differ, then spec.name is used and a note says so', () => {
    const doc = good(`${HEAD}metadata:\n  name: other\n${V03_FILE.slice(HEAD.length)}`);
    expect(doc.cluster.name).toBe('cluster-physical');
    expect(doc.notes).toEqual([
      {
        path: 'metadata.name',
        line: 4,
        message: 'metadata.name is "other" but spec.name is "cluster-physical"; spec.name is used.',
      },
    ]);
  });

  it('when one document is bad among good ones, then the good ones are kept', () => {
    const result = readOk(
      `${CONTRACT_EXAMPLE}---\napiVersion: apps/v1\nkind: Deployment\nspec: {}\n---\n${V03_FILE}`,
    );
    expect(result.documents.map((doc) => doc.ok)).toEqual([true, false, true]);
    expect(result.clusters).toHaveLength(2);
  });
});

describe('readCliClusterFile: notes for what is not used', () => {
  it('when keys are unknown, then each is noted with its path and line, with a hint for snake_case', () => {
    const doc = good(`${HEAD}extra: 1
spec:
  name: c
  api_server: https://x
  colour: blue
  componentsList:
    gateway:
      name: traefik
      replicas: "2"
    multi_tenant: {}
    mesh: {}
    secretManagement:
      name: vault
  vcluster:
    port: "1"
  traefik:
    httpPort: "1"
  productAllowedClusterResources:
    p:
      - kind: ClusterRole
        group: rbac.authorization.k8s.io
        verbs: get
metadata:
  name: c
  labels:
    a: b
`);
    expect(doc.notes.map((n) => [n.line, n.path, n.message])).toEqual([
      [3, 'extra', 'extra is not a key of a Cluster document; not imported.'],
      [
        6,
        'spec.api_server',
        'spec.api_server is not a key of a Nautes Cluster spec (did you mean apiServer?); not imported.',
      ],
      [7, 'spec.colour', 'spec.colour is not a key of a Nautes Cluster spec; not imported.'],
      [17, 'spec.vcluster.port', 'spec.vcluster.port is not a key of vcluster; not imported.'],
      [19, 'spec.traefik.httpPort', 'spec.traefik.httpPort is not a key of traefik; not imported.'],
      [
        11,
        'spec.componentsList.gateway.replicas',
        'spec.componentsList.gateway.replicas is not a key of a component; not imported.',
      ],
      [
        12,
        'spec.componentsList.multi_tenant',
        'spec.componentsList.multi_tenant is not a component category (did you mean multiTenant? the categories are multiTenant, secretSync, gateway, deployment, progressiveDelivery, pipeline, eventListener); not imported.',
      ],
      [
        13,
        'spec.componentsList.mesh',
        'spec.componentsList.mesh is not a component category (the categories are multiTenant, secretSync, gateway, deployment, progressiveDelivery, pipeline, eventListener); not imported.',
      ],
      [
        14,
        'spec.componentsList.secretManagement',
        "spec.componentsList.secretManagement is added by the Nautes server itself (vault); a file's value is ignored.",
      ],
      [
        24,
        'spec.productAllowedClusterResources.p[0].verbs',
        'spec.productAllowedClusterResources.p[0].verbs is not a key of a cluster resource; not imported.',
      ],
      [27, 'metadata.labels', 'metadata.labels is not part of a Nautes cluster; not imported.'],
    ]);
  });

  it('when a number is where text is expected, then it is read as written, with a note', () => {
    const doc = good(`${HEAD}spec:
  name: c
  clusterType: physical
  traefik:
    httpNodePort: 30080
  vcluster:
    httpsNodePort: 0x7A
`);
    expect(doc.cluster.traefik).toEqual({ http_node_port: '30080' });
    expect(doc.cluster.vcluster).toEqual({ https_node_port: '0x7A' });
    expect(doc.notes.find((n) => n.path === 'spec.traefik.httpNodePort')).toEqual({
      path: 'spec.traefik.httpNodePort',
      line: 7,
      message:
        'spec.traefik.httpNodePort is a number (30080); read as the text "30080". The clusters API takes only text: quote it in the file, httpNodePort: "30080".',
    });
  });

  it('when a list item is a number, then it is read as written, with a note to quote it', () => {
    const doc = good(
      `${HEAD}spec:\n  name: c\n  reservedNamespacesAllowedProducts:\n    argocd: [1984]\n`,
    );
    expect(doc.cluster.reserved_namespaces_allowed_products).toEqual({ argocd: ['1984'] });
    expect(doc.notes).toEqual([
      {
        path: 'spec.reservedNamespacesAllowedProducts.argocd[0]',
        line: 6,
        message:
          'spec.reservedNamespacesAllowedProducts.argocd[0] is a number (1984); read as the text "1984". The clusters API takes only text: quote it in the file, "1984".',
      },
    ]);
  });

  it('when a mapping or list is where text is expected, then it is refused with a note', () => {
    const doc = good(`${HEAD}spec:\n  name: c\n  usage: [worker]\n`);
    expect(doc.cluster.usage).toBeUndefined();
    expect(doc.notes).toEqual([
      {
        path: 'spec.usage',
        line: 5,
        message: 'spec.usage is a list, but text is expected; not imported.',
      },
    ]);
  });

  it('when the kubeconfig is written as a YAML mapping, then its YAML text is read, with a note', () => {
    const doc = good(
      `${HEAD}spec:\n  name: c\n  kubeconfig:\n    apiVersion: v1\n    kind: Config\n`,
    );
    expect(doc.cluster.kubeconfig).toBe('apiVersion: v1\nkind: Config\n');
    expect(doc.notes[0]?.path).toBe('spec.kubeconfig');
  });

  it("when a category is not one the cluster's kind has, then it is noted and left out", () => {
    const doc = good(`${HEAD}spec:
  name: c
  clusterType: physical
  usage: host
  componentsList:
    gateway: {}
    pipeline:
      name: tekton
`);
    expect(doc.cluster.components).toEqual({ gateway: {} });
    expect(doc.notes).toEqual([
      {
        path: 'spec.componentsList.pipeline',
        line: 9,
        message:
          'spec.componentsList.pipeline: a physical host cluster has no pipeline component (the server drops it); not imported.',
      },
    ]);
  });

  it('when a map has a __proto__ key, then it is noted and no prototype is set', () => {
    const doc = good(`${HEAD}spec:
  name: c
  reservedNamespacesAllowedProducts:
    __proto__: [polluted]
    argocd: [p]
`);
    const reserved = doc.cluster.reserved_namespaces_allowed_products ?? {};
    expect(Object.getPrototypeOf(reserved)).toBe(Object.prototype);
    expect(reserved).toEqual({ argocd: ['p'] });
    expect(doc.notes.map((n) => n.path)).toEqual([
      'spec.reservedNamespacesAllowedProducts.__proto__',
    ]);
  });

  it('when the name is missing everywhere, then the document is read and a note asks for one', () => {
    const doc = good(`${HEAD}spec:\n  usage: host\n`);
    expect(doc.cluster.name).toBeUndefined();
    expect(doc.notes.map((n) => n.message)).toEqual([
      'The cluster has no name (spec.name); enter one before saving.',
    ]);
  });
});

describe('readCliClusterFile: errors', () => {
  it('when the text is not YAML, then the document is refused with the line and column', () => {
    const doc = bad(`${HEAD}spec:\n  name: [c\n  usage: host\n`);
    expect(doc.errors[0]?.line).toBeGreaterThanOrEqual(4);
    expect(doc.errors[0]?.message).toMatch(
      /^Document 1 is not valid YAML at line \d+, column \d+: /,
    );
  });

  it.each([
    ['', 'The file is empty; choose a Nautes cluster file (kind: Cluster).'],
    ['  \n\n', 'The file is empty; choose a Nautes cluster file (kind: Cluster).'],
    [
      '# only a comment\n---\n',
      'The file holds no YAML document, only comments or separators; choose a Nautes cluster file (kind: Cluster).',
    ],
  ])('when the file is empty (%j), then it is refused', (text, message) => {
    expect(readCliClusterFile(text)).toEqual({ ok: false, error: { message } });
  });

  it.each([
    [
      '- a list\n',
      'Document 1 is a list, not a mapping; a cluster document is a mapping with apiVersion, kind and spec.',
    ],
    [
      'just text\n',
      'Document 1 is text, not a mapping; a cluster document is a mapping with apiVersion, kind and spec.',
    ],
  ])('when a document is not a mapping (%j), then it is refused', (text, message) => {
    expect(bad(text).errors).toEqual([{ line: 1, message }]);
  });

  it('when apiVersion is wrong, then the document is refused, naming the right one', () => {
    const doc = bad('apiVersion: v1\nkind: Cluster\nspec: {}\n');
    expect(doc.errors).toEqual([
      {
        path: 'apiVersion',
        line: 1,
        message:
          'apiVersion is v1; a Nautes cluster has apiVersion: nautes.resource.nautes.io/v1alpha1.',
      },
    ]);
  });

  it('when apiVersion and kind are missing, then both are said', () => {
    expect(bad('spec: {}\n').errors.map((e) => e.message)).toEqual([
      'Document 1 has no apiVersion; a Nautes cluster has apiVersion: nautes.resource.nautes.io/v1alpha1.',
      'Document 1 has no kind; only kind: Cluster can be imported.',
    ]);
  });

  it('when kind is not Cluster, then the document is refused', () => {
    const doc = bad(`${HEAD.replace('Cluster', 'Deployment')}spec: {}\n`);
    expect(doc.errors).toEqual([
      { path: 'kind', line: 2, message: 'kind is Deployment; only Cluster can be imported.' },
    ]);
  });

  it('when spec is missing or not a mapping, then the document is refused', () => {
    expect(bad(HEAD).errors.map((e) => e.message)).toEqual([
      "Document 1 has no spec; the cluster's settings go under spec: (name, apiServer, clusterType, ...).",
    ]);
    expect(bad(`${HEAD}spec: text\n`).errors).toEqual([
      {
        path: 'spec',
        line: 3,
        message:
          "spec is text; it must be a mapping of the cluster's settings (name, apiServer, clusterType, ...).",
      },
    ]);
  });

  it('when a key appears twice, then the document is refused naming the key and both lines', () => {
    const doc = bad(`${HEAD}spec:\n  name: a\n  usage: host\n  name: b\n`);
    expect(doc.errors).toEqual([
      {
        path: 'spec.name',
        line: 6,
        message: 'Document 1: the key spec.name appears twice (lines 4 and 6); keep only one.',
      },
    ]);
  });

  it('when a document is a billion laughs, then it is refused without expanding it', () => {
    const laughs = `${HEAD}spec:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
  name: *i
`;
    const started = Date.now();
    const result = readOk(`${laughs}---\n${V03_FILE}`);
    expect(Date.now() - started).toBeLessThan(2000);
    const [first, second] = result.documents;
    expect(first?.ok).toBe(false);
    expect(first?.ok === false && first.errors[0]?.message).toBe(
      'Document 1 repeats content through YAML aliases (*name) more than 100 times, as a "billion laughs" attack does; it is not read. Write the values out instead of using anchors and aliases.',
    );
    expect(second?.ok).toBe(true);
  });

  it('when a few aliases are used, then they are read', () => {
    const doc = good(`${HEAD}spec:\n  name: &n c\n  hostCluster: *n\n`);
    expect(doc.cluster.host_cluster).toBe('c');
  });

  it('when the file is larger than 1 MiB, then it is refused before parsing', () => {
    const text = `${V03_FILE}#${'x'.repeat(CLI_FILE_MAX_BYTES)}\n`;
    const result = readCliClusterFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'The file is 1025 KiB; a cluster file may be at most 1024 KiB. Split it, or remove what is not a cluster.',
    );
  });

  it('when the file has more than 100 documents, then it is refused', () => {
    const text = Array.from({ length: CLI_FILE_MAX_DOCUMENTS + 1 }, () => V03_FILE).join('---\n');
    expect(readCliClusterFile(text)).toEqual({
      ok: false,
      error: {
        message:
          'The file has 101 YAML documents; at most 100 clusters can be imported at once. Split it.',
      },
    });
    expect(readOk(text.split('---\n').slice(1).join('---\n')).clusters).toHaveLength(100);
  });
});
