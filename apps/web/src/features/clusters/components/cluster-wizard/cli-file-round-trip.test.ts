import { describe, expect, it } from 'vitest';
import {
  applyDefaults,
  applyDefaultsV04,
  ClusterSchema,
  clusterReplyV03,
  clusterReplyV04,
  readClusterReply,
  readCliClusterFile,
  validateSaveRequest,
  validateSaveRequestV04,
  writeCliClusterFile,
  type ClusterView,
  type NautesApiVersion,
} from '@cluster-console/shared';
import { kubeconfig } from '../../../../testing/kubeconfigs';
import { cliDraftToWizardValues } from './cli-file-values';
import { buildSaveBody } from './wizard-body';
import { defaultComponentsValues } from './wizard-components';
import { EMPTY_WIZARD_VALUES, type WizardValues } from './wizard-form';

const MAPS: Partial<WizardValues> = {
  reserved_namespaces: [{ namespace: 'traefik', products: 'product-a, product-b' }],
  cluster_resources: [
    { product: 'product-a', kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' },
  ],
};

/** Each kind of cluster as a user fills the wizard for it. */
const KINDS: [string, WizardValues][] = [
  [
    'physical host',
    {
      ...EMPTY_WIZARD_VALUES,
      ...MAPS,
      profile: 'physical-host',
      cluster_name: 'cluster-host',
      kubeconfig: kubeconfig({ server: 'https://8.217.50.114:6443' }),
      api_server: 'https://8.217.50.114:6443',
      primary_domain: '8.217.50.114.nip.io',
      traefik: { http_node_port: '31080', https_node_port: '31443' },
    },
  ],
  [
    'physical pipeline worker',
    {
      ...EMPTY_WIZARD_VALUES,
      ...MAPS,
      profile: 'physical-worker',
      worker_type: 'pipeline',
      cluster_name: 'physical-pipeline',
      kubeconfig: kubeconfig({ server: 'https://8.217.50.115:6443' }),
      api_server: 'https://8.217.50.115:6443',
      primary_domain: 'pipeline.example.com',
      argocd_host: 'argocd.custom.example.com',
      tekton_host: 'tekton.custom.example.com',
    },
  ],
  [
    'physical deployment worker',
    {
      ...EMPTY_WIZARD_VALUES,
      profile: 'physical-worker',
      worker_type: 'deployment',
      cluster_name: 'physical-deployment',
      kubeconfig: kubeconfig({ server: 'https://8.217.50.116:6443' }),
      api_server: 'https://8.217.50.116:6443',
      primary_domain: '8.217.50.116.nip.io',
      argocd_host: 'argocd.physical-deployment.8.217.50.116.nip.io',
    },
  ],
  [
    'virtual pipeline worker',
    {
      ...EMPTY_WIZARD_VALUES,
      ...MAPS,
      profile: 'virtual-worker',
      worker_type: 'pipeline',
      cluster_name: 'virtual-pipeline',
      host_cluster: 'cluster-host',
      api_server: 'https://8.217.50.114:31456',
      vcluster: { https_node_port: '31456' },
      primary_domain: '8.217.50.114.nip.io',
      argocd_host: 'argocd.virtual-pipeline.8.217.50.114.nip.io',
      tekton_host: 'tekton.virtual-pipeline.8.217.50.114.nip.io',
    },
  ],
  [
    'virtual deployment worker',
    {
      ...EMPTY_WIZARD_VALUES,
      profile: 'virtual-worker',
      worker_type: 'deployment',
      cluster_name: 'virtual-deployment',
      host_cluster: 'cluster-host',
      api_server: 'https://8.217.50.114:31457',
      vcluster: { https_node_port: '31457' },
      primary_domain: 'virtual.example.com',
      argocd_host: 'argocd.virtual.example.com',
      components: {
        ...defaultComponentsValues(),
        deployment: {
          name: 'argocd',
          namespace: 'argocd-custom',
          additions: [{ key: 'replicas', value: '2' }],
        },
      },
    },
  ],
];

function ok<B>(result: { ok: true; body: B } | { ok: false; fieldErrors: Record<string, string> }) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.body;
}

function withoutKubeconfig<T extends { kubeconfig?: string | undefined }>(body: T): T {
  const copy = { ...body };
  delete copy.kubeconfig;
  return copy;
}

/** What the server keeps of a wizard body (its defaults applied), without the kubeconfig. */
function stored(name: string, body: unknown, generation: NautesApiVersion) {
  const options = { kubeconfigOptional: true };
  return generation === 'v0.4'
    ? withoutKubeconfig(applyDefaultsV04(name, ok(validateSaveRequestV04(name, body, options))))
    : withoutKubeconfig(applyDefaults(name, ok(validateSaveRequest(name, body, options))));
}

/** The cluster as the server of that generation answers it, read as the console reads it. */
function replyOf(name: string, kept: object, generation: NautesApiVersion): ClusterView {
  const cluster = ClusterSchema.parse({ name, ...kept });
  const reply = generation === 'v0.4' ? clusterReplyV04(cluster) : clusterReplyV03(cluster);
  return readClusterReply(ClusterSchema.parse(reply));
}

describe.each(['v0.3', 'v0.4'] as const)('export then import against %s', (generation) => {
  it.each(KINDS)('a %s: the wizard sends the same cluster again', (_kind, original) => {
    const name = original.cluster_name;
    const before = stored(name, buildSaveBody(original, generation), generation);
    const text = writeCliClusterFile([replyOf(name, before, generation)], generation);

    const read = readCliClusterFile(text);
    if (!read.ok) throw new Error(read.error.message);
    const [doc] = read.documents;
    if (doc?.ok !== true) throw new Error(JSON.stringify(doc));
    expect(doc.notes).toEqual([]);
    const { values, notes } = cliDraftToWizardValues(doc.cluster);
    expect(notes).toEqual([]);
    expect(values.kubeconfig).toBe('');

    const body = buildSaveBody(values, generation);
    // The server keeps exactly what it kept before (the kubeconfig, not in the file, aside).
    expect(stored(name, body, generation)).toEqual(before);
  });
});

describe('cliDraftToWizardValues', () => {
  it('when the file holds a kubeconfig, then its current context is chosen as on upload', () => {
    const config = kubeconfig({ contexts: ['one', 'two'] });
    const { values } = cliDraftToWizardValues({
      name: 'c',
      cluster_type: 'physical',
      usage: 'host',
      kubeconfig: config,
    });
    expect(values.kubeconfig).toBe(config);
    expect(values.profile).toBe('physical-host');
  });

  it('when values have no place in the form, then each is noted', () => {
    const { values, notes } = cliDraftToWizardValues({
      name: 'c',
      cluster_kind: 'k3s',
      cluster_type: 'physical',
      usage: 'host',
      host_cluster: 'other',
      tekton_host: 'tekton.example.com',
      components: { pipeline: { name: 'tekton' } },
    });
    expect(values.host_cluster).toBe('');
    expect(notes.map((note) => note.key)).toEqual([
      'clusterKind',
      'unusedField',
      'unusedField',
      'unusedComponent',
    ]);
  });
});
