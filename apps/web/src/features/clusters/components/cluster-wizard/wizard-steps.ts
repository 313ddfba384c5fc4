import type { WizardField, WizardValues } from './wizard-form';
import { profileParts } from './wizard-form';

export type StepId = 'what' | 'connection' | 'domains' | 'review';

export interface WizardStep {
  id: StepId;
  /** The fields this step shows: "Next" checks exactly these. */
  fields: (values: WizardValues) => WizardField[];
}

export const WIZARD_STEPS: readonly WizardStep[] = [
  { id: 'what', fields: () => ['profile', 'worker_type', 'cluster_name'] },
  {
    id: 'connection',
    fields: (values) =>
      profileParts(values.profile).type === 'virtual'
        ? ['host_cluster', 'vcluster.https_node_port', 'api_server']
        : ['kubeconfig', 'kubeconfig_context', 'api_server'],
  },
  {
    id: 'domains',
    fields: () => [
      'primary_domain',
      'argocd_host',
      'tekton_host',
      'traefik.http_node_port',
      'traefik.https_node_port',
      'components',
      'reserved_namespaces',
      'cluster_resources',
    ],
  },
  { id: 'review', fields: () => [] },
];

const FIELD_STEPS: Partial<Record<string, number>> = {
  profile: 0,
  worker_type: 0,
  cluster_name: 0,
  kubeconfig: 1,
  kubeconfig_context: 1,
  host_cluster: 1,
  'vcluster.https_node_port': 1,
  vcluster: 1,
  api_server: 1,
  primary_domain: 2,
  argocd_host: 2,
  tekton_host: 2,
  'traefik.http_node_port': 2,
  'traefik.https_node_port': 2,
  traefik: 2,
  components: 2,
  reserved_namespaces: 2,
  cluster_resources: 2,
};

/** The first step (in order) that shows any of these fields. */
export function firstStepOf(fields: readonly string[]): number | undefined {
  const steps = fields
    .map((field) => FIELD_STEPS[field] ?? FIELD_STEPS[field.split('.')[0] ?? field])
    .filter((step) => step !== undefined);
  return steps.length > 0 ? Math.min(...steps) : undefined;
}

export function stepAt(index: number): WizardStep {
  const step = WIZARD_STEPS[Math.max(0, Math.min(index, WIZARD_STEPS.length - 1))];
  if (!step) throw new Error('The wizard has no steps');
  return step;
}
