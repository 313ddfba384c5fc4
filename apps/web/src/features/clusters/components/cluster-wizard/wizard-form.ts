import type { FieldPath } from 'react-hook-form';
import {
  DEFAULT_TRAEFIK_HTTP_NODE_PORT,
  DEFAULT_TRAEFIK_HTTPS_NODE_PORT,
  type Cluster,
  type KubeconfigInfo,
  type NautesApiVersion,
  type SaveClusterBody,
} from '@cluster-console/shared';
import { defaultComponentsValues, type ComponentsValues } from './wizard-components';
import { loadedKubeconfigReader, loadWizardTools } from './wizard-tools-loader';
import {
  clusterResourcesMap,
  reservedNamespacesMap,
  type ClusterResourceRow,
  type ReservedNamespaceRow,
} from './wizard-maps';

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
  /** v0.4's `components_list`; the hosts and ports stay in the fields above. */
  components: ComponentsValues;
  reserved_namespaces: ReservedNamespaceRow[];
  cluster_resources: ClusterResourceRow[];
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
  components: defaultComponentsValues(),
  reserved_namespaces: [],
  cluster_resources: [],
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

/**
 * What the wizard knows besides the form: the clusters already registered and the Nautes API
 * generation the body is for (undefined while unknown).
 */
export interface WizardContext {
  clusters: ReadonlyMap<string, Cluster>;
  generation?: NautesApiVersion | undefined;
}

/** `reading`: the kubeconfig reader is still downloading (see wizard-tools-loader.ts). */
export type KubeconfigInspection =
  | { state: 'empty' }
  | { state: 'reading' }
  | { state: 'invalid'; error: string; line?: number }
  | { state: 'ok'; info: KubeconfigInfo };

export function inspect(kubeconfig: string): KubeconfigInspection {
  if (kubeconfig.trim() === '') return { state: 'empty' };
  const reader = loadedKubeconfigReader();
  if (!reader) {
    // Callers that show the result re-render through useWizardTools once it is here.
    loadWizardTools().catch(() => undefined);
    return { state: 'reading' };
  }
  const result = reader.inspectKubeconfig(kubeconfig);
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

/**
 * The kubeconfig to send: only the chosen context, its cluster and its user. Nothing while the
 * reader is still downloading: never the whole file, with every context's credentials. (A save
 * always has it: the form's checks, run first, load it.)
 */
export function kubeconfigToSend(
  values: Pick<WizardValues, 'kubeconfig' | 'kubeconfig_context'>,
): string {
  const raw = values.kubeconfig;
  const inspection = inspect(raw);
  const reader = loadedKubeconfigReader();
  if (inspection.state === 'reading' || !reader) return '';
  if (inspection.state !== 'ok') return raw.trim();
  const context = selectedContextName(inspection.info, values.kubeconfig_context);
  if (!context) return raw.trim();
  const reduced = reader.tryReduceKubeconfig(raw, context);
  return reduced.ok ? reduced.kubeconfig : raw.trim();
}

/**
 * The exact v0.3 request body: only the fields that apply, empty ones left out. The two maps
 * are sent only when the user filled a row.
 */
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
  const reserved = reservedNamespacesMap(values.reserved_namespaces);
  if (reserved) body.reserved_namespaces_allowed_products = reserved;
  const resources = clusterResourcesMap(values.cluster_resources);
  if (resources) body.product_allowed_cluster_resources = resources;
  return body as SaveClusterBody;
}
