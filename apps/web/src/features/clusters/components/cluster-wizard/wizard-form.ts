import type { FieldErrors, FieldPath, Resolver } from 'react-hook-form';
import {
  DEFAULT_TRAEFIK_HTTP_NODE_PORT,
  DEFAULT_TRAEFIK_HTTPS_NODE_PORT,
  inspectKubeconfig,
  tryReduceKubeconfig,
  validateClusterName,
  validateSaveRequest,
  type Cluster,
  type KubeconfigInfo,
  type SaveClusterBody,
} from '@cluster-console/shared';

export const PROFILES = ['physical-host', 'physical-worker', 'virtual-worker'] as const;
export type Profile = (typeof PROFILES)[number];

/**
 * The wizard's one form. Field names are the save body's field paths (`traefik.http_node_port`),
 * so a server's `metadata` keys land on their fields as they are. `profile` stands for the
 * cluster_type/usage pair and `kubeconfig_context` for the context chosen in the browser.
 */
export interface WizardValues {
  profile: Profile | '';
  worker_type: '' | 'pipeline' | 'deployment';
  cluster_name: string;
  kubeconfig: string;
  kubeconfig_context: string;
  host_cluster: string;
  api_server: string;
  primary_domain: string;
  argocd_host: string;
  tekton_host: string;
  traefik: { http_node_port: string; https_node_port: string };
  vcluster: { https_node_port: string };
}

export type WizardField = FieldPath<WizardValues>;

export const EMPTY_WIZARD_VALUES: WizardValues = {
  profile: '',
  worker_type: '',
  cluster_name: '',
  kubeconfig: '',
  kubeconfig_context: '',
  host_cluster: '',
  api_server: '',
  primary_domain: '',
  argocd_host: '',
  tekton_host: '',
  traefik: {
    http_node_port: DEFAULT_TRAEFIK_HTTP_NODE_PORT,
    https_node_port: DEFAULT_TRAEFIK_HTTPS_NODE_PORT,
  },
  vcluster: { https_node_port: '' },
};

export function profileParts(profile: WizardValues['profile']): {
  type: 'physical' | 'virtual' | '';
  usage: 'host' | 'worker' | '';
} {
  switch (profile) {
    case 'physical-host':
      return { type: 'physical', usage: 'host' };
    case 'physical-worker':
      return { type: 'physical', usage: 'worker' };
    case 'virtual-worker':
      return { type: 'virtual', usage: 'worker' };
    default:
      return { type: '', usage: '' };
  }
}

/** What the wizard knows besides the form: the clusters already registered. */
export interface WizardContext {
  clusters: ReadonlyMap<string, Cluster>;
}

export type KubeconfigInspection =
  | { state: 'empty' }
  | { state: 'invalid'; error: string; line?: number }
  | { state: 'ok'; info: KubeconfigInfo };

export function inspect(kubeconfig: string): KubeconfigInspection {
  if (kubeconfig.trim() === '') return { state: 'empty' };
  const result = inspectKubeconfig(kubeconfig);
  return result.ok
    ? { state: 'ok', info: result.kubeconfig }
    : { state: 'invalid', error: result.error, line: result.line };
}

/** The context that will be sent: the chosen one, else the only one, else the current one. */
export function selectedContextName(info: KubeconfigInfo, chosen: string): string | undefined {
  if (chosen && info.contexts.some((context) => context.name === chosen)) return chosen;
  if (info.contexts.length === 1) return info.contexts[0]?.name;
  return undefined;
}

/** The kubeconfig to send: only the chosen context, its cluster and its user. */
export function kubeconfigToSend(
  values: Pick<WizardValues, 'kubeconfig' | 'kubeconfig_context'>,
): string {
  const raw = values.kubeconfig;
  const inspection = inspect(raw);
  if (inspection.state !== 'ok') return raw.trim();
  const context = selectedContextName(inspection.info, values.kubeconfig_context);
  if (!context) return raw.trim();
  const reduced = tryReduceKubeconfig(raw, context);
  return reduced.ok ? reduced.kubeconfig : raw.trim();
}

/** The exact request body the wizard sends: only the fields that apply, empty ones left out. */
export function toSaveBody(values: WizardValues): SaveClusterBody {
  const { type, usage } = profileParts(values.profile);
  const body: Record<string, unknown> = {
    api_server: values.api_server.trim(),
    cluster_kind: 'kubernetes',
    cluster_type: type,
    usage,
  };
  const put = (key: string, value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed) body[key] = trimmed;
  };
  if (usage === 'worker') put('worker_type', values.worker_type);
  if (type === 'virtual') put('host_cluster', values.host_cluster);
  put('primary_domain', values.primary_domain);
  if (usage === 'worker') put('argocd_host', values.argocd_host);
  if (usage === 'worker' && values.worker_type === 'pipeline')
    put('tekton_host', values.tekton_host);
  if (type === 'physical') {
    const traefik: Record<string, string> = {};
    if (values.traefik.http_node_port.trim())
      traefik.http_node_port = values.traefik.http_node_port.trim();
    if (values.traefik.https_node_port.trim())
      traefik.https_node_port = values.traefik.https_node_port.trim();
    if (Object.keys(traefik).length > 0) body.traefik = traefik;
    const kubeconfig = kubeconfigToSend(values);
    if (kubeconfig) body.kubeconfig = kubeconfig;
  }
  if (type === 'virtual' && values.vcluster.https_node_port.trim()) {
    body.vcluster = { https_node_port: values.vcluster.https_node_port.trim() };
  }
  return body as SaveClusterBody;
}

/** A server (or shared-rule) field path -> the wizard field that shows it, if any. */
export function formFieldFor(path: string): WizardField | undefined {
  switch (path) {
    case 'cluster_type':
    case 'usage':
    case 'cluster_kind':
      return 'profile';
    case 'cluster_name':
    case 'worker_type':
    case 'kubeconfig':
    case 'host_cluster':
    case 'api_server':
    case 'primary_domain':
    case 'argocd_host':
    case 'tekton_host':
    case 'traefik.http_node_port':
    case 'traefik.https_node_port':
    case 'vcluster.https_node_port':
      return path;
    case 'traefik':
      return 'traefik.http_node_port';
    case 'vcluster':
      return 'vcluster.https_node_port';
    default:
      return undefined;
  }
}

/** Every problem with the form as it stands, keyed by wizard field (messages from the shared rules). */
export function validateWizard(
  values: WizardValues,
  context: WizardContext,
): Partial<Record<WizardField, string>> {
  const errors: Partial<Record<WizardField, string>> = {};
  if (!values.profile) errors.profile = 'Choose what kind of cluster to register.';
  const nameProblem = validateClusterName(values.cluster_name);
  if (nameProblem) errors.cluster_name = nameProblem;
  const { type } = profileParts(values.profile);
  const existing = context.clusters.get(values.cluster_name);

  if (type === 'physical') {
    const inspection = inspect(values.kubeconfig);
    if (inspection.state === 'invalid') {
      errors.kubeconfig = inspection.error;
    } else if (inspection.state === 'ok' && inspection.info.contexts.length > 1) {
      if (!selectedContextName(inspection.info, values.kubeconfig_context)) {
        errors.kubeconfig_context = 'Choose the context of the cluster to register.';
      }
    }
  }
  if (type === 'virtual' && values.host_cluster) {
    const host = context.clusters.get(values.host_cluster);
    if (host && host.usage !== 'host') {
      errors.host_cluster = `"${values.host_cluster}" is not a host cluster: choose a cluster registered as a host.`;
    }
  }

  if (values.profile) {
    const result = validateSaveRequest(values.cluster_name, toSaveBody(values), {
      // Updating a physical cluster without a kubeconfig keeps the stored one.
      kubeconfigOptional: existing?.cluster_type === 'physical',
    });
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.fieldErrors)) {
        const field = formFieldFor(path);
        if (field && !errors[field]) errors[field] = message;
      }
    }
  }
  return errors;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] ?? path] = value;
}

/** react-hook-form resolver over the shared rules: the same ones the clusters API applies. */
export const wizardResolver: Resolver<WizardValues, WizardContext> = (values, context) => {
  const errors = validateWizard(values, context ?? { clusters: new Map() });
  const entries = Object.entries(errors);
  if (entries.length === 0) return { values, errors: {} };
  const fieldErrors: Record<string, unknown> = {};
  for (const [path, message] of entries) setPath(fieldErrors, path, { type: 'validate', message });
  return { values: {}, errors: fieldErrors as FieldErrors<WizardValues> };
};
