import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { seedKubeconfig } from '../../tests/fixtures';
import { ClusterSchema } from '../clusters/cluster.schema';
import { CLIENT_COMPONENT_CATEGORIES, type ComponentsList } from '../clusters/components';
import { applyDefaults } from '../clusters/defaults';
import {
  clusterReplyV03,
  clusterReplyV04,
  readClusterReply,
  v03BodyToV04,
  type ClusterView,
} from '../clusters/generations';
import type { SaveClusterBody } from '../clusters/save-body.schema';
import { validateSaveRequest } from '../clusters/validate-save-body';
import { applyDefaultsV04, validateSaveRequestV04 } from '../clusters/save-body-v04.schema';
import { cliDraftToSaveBody, type CliClusterDraft } from './cli-cluster-draft';
import { readCliClusterFile } from './read-cli-file';
import { CONTRACT_EXAMPLE } from './test-fixtures';
import { CLI_FILE_KUBECONFIG_COMMENT, writeCliClusterFile } from './write-cli-file';

const MAPS = {
  reserved_namespaces_allowed_products: { traefik: ['product-a'] },
  product_allowed_cluster_resources: {
    'product-a': [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
  },
};

/** Each kind of cluster as the user saved it (v0.3 body; v0.4 gets the same through the mapping). */
const KINDS: [string, string, Record<string, unknown>][] = [
  [
    'physical host',
    'cluster-host',
    {
      api_server: 'https://8.217.50.114:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      traefik: { http_node_port: '31080', https_node_port: '31443' },
      ...MAPS,
    },
  ],
  [
    'physical worker pipeline',
    'physical-pipeline',
    {
      api_server: 'https://8.217.50.115:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
      primary_domain: 'pipeline.example.com',
      argocd_host: 'argocd.custom.example.com',
      tekton_host: 'tekton.custom.example.com',
      ...MAPS,
    },
  ],
  [
    'physical worker deployment',
    'physical-deployment',
    {
      api_server: 'https://8.217.50.116:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'deployment',
    },
  ],
  [
    'virtual worker pipeline',
    'virtual-pipeline',
    {
      api_server: 'https://8.217.50.114:31456',
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: 'pipeline',
      host_cluster: 'cluster-host',
      ...MAPS,
    },
  ],
  [
    'virtual worker deployment',
    'virtual-deployment',
    {
      api_server: 'https://8.217.50.114:31457',
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: 'deployment',
      host_cluster: 'cluster-host',
      argocd_host: 'argocd.virtual.example.com',
    },
  ],
];

function withKubeconfig(input: Record<string, unknown>): Record<string, unknown> {
  return input.cluster_type === 'physical' ? { ...input, kubeconfig: seedKubeconfig() } : input;
}

function withoutKubeconfig<T extends { kubeconfig?: string | undefined }>(body: T): T {
  const copy = { ...body };
  delete copy.kubeconfig;
  return copy;
}

function ok<B>(result: { ok: true; body: B } | { ok: false; fieldErrors: Record<string, string> }) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.body;
}

/** The one cluster of a file, read back. */
function readBack(text: string): CliClusterDraft {
  const result = readCliClusterFile(text);
  if (!result.ok) throw new Error(result.error.message);
  const [doc] = result.documents;
  if (doc?.ok !== true) throw new Error(JSON.stringify(doc));
  expect(doc.notes).toEqual([]);
  return doc.cluster;
}

/** The fields of a view a draft carries: the view without its generation, client components. */
function draftOf(view: ClusterView): CliClusterDraft {
  const { components } = view;
  const draft: CliClusterDraft & { generation?: string } = { ...view };
  delete draft.generation;
  delete draft.components;
  if (components !== undefined) {
    const client: ComponentsList = {};
    for (const category of CLIENT_COMPONENT_CATEGORIES) {
      if (components[category] !== undefined) client[category] = components[category];
    }
    draft.components = client;
  }
  return draft;
}

/** A v0.3 save and the reply our clusters API gives for it. */
function savedV03(name: string, input: Record<string, unknown>) {
  const stored = applyDefaults(name, ok(validateSaveRequest(name, withKubeconfig(input))));
  const reply = clusterReplyV03(ClusterSchema.parse({ name, ...withoutKubeconfig(stored) }));
  return { stored, view: readClusterReply(ClusterSchema.parse(reply)) };
}

/** A v0.4 save and the reply a v0.4 server gives for it (no vcluster, no kubeconfig). */
function savedV04(name: string, input: Record<string, unknown>) {
  const body = v03BodyToV04(withKubeconfig(input) as SaveClusterBody);
  const stored = applyDefaultsV04(name, ok(validateSaveRequestV04(name, body)));
  const reply = clusterReplyV04(ClusterSchema.parse({ name, ...withoutKubeconfig(stored) }));
  return { stored, view: readClusterReply(ClusterSchema.parse(reply)) };
}

describe('writeCliClusterFile: write then read gives the cluster back', () => {
  it.each(KINDS)('v0.3: a %s', (_kind, name, input) => {
    const { stored, view } = savedV03(name, input);
    expect(view.generation).toBe('v0.3');
    const draft = readBack(writeCliClusterFile([view], 'v0.3'));
    expect(draft).toEqual(draftOf(view));
    const body = ok(cliDraftToSaveBody(draft, 'v0.3', { kubeconfigOptional: true }));
    expect(body).toEqual(withoutKubeconfig(stored));
  });

  it.each(KINDS)('v0.4: a %s', (_kind, name, input) => {
    const { stored, view } = savedV04(name, input);
    expect(view.generation).toBe('v0.4');
    const draft = readBack(writeCliClusterFile([view], 'v0.4'));
    expect(draft).toEqual(draftOf(view));
    const body = ok(cliDraftToSaveBody(draft, 'v0.4', { kubeconfigOptional: true }));
    // The server's defaults fill what a v0.4 reply does not carry (the vcluster port, the
    // server-added components), exactly as they did when the cluster was saved.
    expect(applyDefaultsV04(name, body)).toEqual(withoutKubeconfig(stored));
  });

  it.each(KINDS)(
    'a %s answered by a v0.3 server and written for v0.4 is the same cluster',
    (_kind, name, input) => {
      const { stored, view } = savedV03(name, input);
      const draft = readBack(writeCliClusterFile([view], 'v0.4'));
      const body = ok(cliDraftToSaveBody(draft, 'v0.4', { kubeconfigOptional: true }));
      const expected = applyDefaultsV04(name, v03BodyToV04(withoutKubeconfig(stored)));
      expect(applyDefaultsV04(name, body)).toEqual(expected);
    },
  );
});

describe('writeCliClusterFile: the file', () => {
  const views = KINDS.map(([, name, input]) => savedV04(name, input).view);

  it('when several clusters are written, then each is one document, read back in order', () => {
    const text = writeCliClusterFile(views, 'v0.4');
    const result = readCliClusterFile(text);
    expect(result.ok && result.clusters.map((cluster) => cluster.name)).toEqual(
      KINDS.map(([, name]) => name),
    );
  });

  it.each(['v0.3', 'v0.4'] as const)(
    'when written for %s, then the yaml library parses it as the CLI would: strings stay strings',
    (generation) => {
      const docs = parseAllDocuments(writeCliClusterFile(views, generation));
      expect(Array.isArray(docs) && docs.length).toBe(KINDS.length);
      for (const doc of Array.isArray(docs) ? docs : []) {
        expect(doc.errors).toEqual([]);
        const value = doc.toJS() as { apiVersion: string; kind: string; spec: object };
        expect(Object.keys(value)).toEqual(['apiVersion', 'kind', 'spec']);
        expect(value.apiVersion).toBe('nautes.resource.nautes.io/v1alpha1');
        expect(value.kind).toBe('Cluster');
        const scalars = JSON.stringify(value.spec).match(/:(\d+|true|false|null)[,}]/g);
        expect(scalars).toBeNull();
      }
    },
  );

  it('when a physical cluster is written, then no kubeconfig is, only the comment where it belongs', () => {
    const { view } = savedV04('cluster-host', KINDS[0]?.[2] ?? {});
    const leaky = { ...view, kubeconfig: seedKubeconfig() } as ClusterView;
    const text = writeCliClusterFile([leaky], 'v0.4');
    expect(text).not.toContain('kind: Config');
    expect(text).not.toMatch(/^\s*kubeconfig:/m);
    const comment = CLI_FILE_KUBECONFIG_COMMENT.split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
    expect(text).toContain(`  primaryDomain: 8.217.50.114.nip.io\n${comment}\n  componentsList:`);
  });

  it('when a virtual cluster is written, then there is no kubeconfig comment (it has none)', () => {
    const { view } = savedV03('virtual-pipeline', KINDS[3]?.[2] ?? {});
    expect(writeCliClusterFile([view], 'v0.3')).not.toContain('kubeconfig');
  });

  it("when the contract's example is written, then the file has its keys and values", () => {
    const expected = parse(CONTRACT_EXAMPLE) as { spec: Record<string, unknown> };
    delete expected.spec.kubeconfig;
    const view = readClusterReply(
      ClusterSchema.parse({
        name: 'physical-worker-pipeline',
        api_server: 'https://8.217.50.114:6443',
        cluster_kind: 'kubernetes',
        cluster_type: 'physical',
        usage: 'worker',
        worker_type: 'pipeline',
        primary_domain: '8.217.50.114.nip.io',
        components_list: {
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
          secret_management: { name: 'vault', namespace: 'vault' },
          event_listener: null,
        },
      }),
    );
    const text = writeCliClusterFile([view], 'v0.4');
    expect(parse(text)).toEqual(expected);
    const keys = (yaml: string) => [...yaml.matchAll(/^ *([A-Za-z]+):/gm)].map((m) => m[1]);
    const withoutKubeconfigBlock = CONTRACT_EXAMPLE.replace(/ {2}kubeconfig: \|\n( {4}.*\n)+/, '');
    expect(keys(text)).toEqual(keys(withoutKubeconfigBlock));
  });
});
