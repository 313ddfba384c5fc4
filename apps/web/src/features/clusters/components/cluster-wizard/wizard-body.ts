import {
  v03BodyToV04,
  type NautesApiVersion,
  type PartialComponent,
  type SaveClusterBody,
  type SaveClusterBodyV04,
} from '@cluster-console/shared';
import { categoriesOf } from './wizard-components';
import { inspect, kubeconfigToSend } from './kubeconfig-tools';
import { clusterResourcesMap, reservedNamespacesMap } from './wizard-maps';
import { profileParts, selectedContextName, type WizardValues } from './wizard-form';

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

/** The components the user set in the form, for the categories this kind of cluster has. */
function formComponents(values: WizardValues): Record<string, PartialComponent> {
  const { type, usage } = profileParts(values.profile);
  const out: Record<string, PartialComponent> = {};
  for (const category of categoriesOf(type, usage, values.worker_type)) {
    const component = values.components[category];
    const entry: PartialComponent = {
      name: component.name.trim(),
      namespace: component.namespace.trim(),
    };
    const additions: Record<string, string> = {};
    for (const row of component.additions) {
      if (row.key.trim() !== '' && row.value.trim() !== '')
        additions[row.key.trim()] = row.value.trim();
    }
    if (Object.keys(additions).length > 0) entry.additions = additions;
    out[category] = entry;
  }
  return out;
}

/**
 * The v0.4 body: the v0.3 body mapped as `v03BodyToV04` maps it (ArgoCD/Tekton hosts and the
 * Traefik ports into `components_list`), on top of the components the user set. Only the
 * categories this kind of cluster has are sent. A virtual pipeline worker has a gateway in
 * v0.4, so its Traefik ports go too.
 */
export function toSaveBodyV04(values: WizardValues): SaveClusterBodyV04 {
  const v03 = toSaveBody(values);
  const { type, usage } = profileParts(values.profile);
  const categories = categoriesOf(type, usage, values.worker_type);
  if (categories.includes('gateway') && v03.traefik === undefined) {
    const http = values.traefik.http_node_port.trim();
    const https = values.traefik.https_node_port.trim();
    const traefik: Record<string, string> = {};
    if (http) traefik.http_node_port = http;
    if (https) traefik.https_node_port = https;
    if (Object.keys(traefik).length > 0) v03.traefik = traefik;
  }
  const body = v03BodyToV04(v03, formComponents(values));
  const list = body.components_list;
  if (list !== undefined) {
    for (const key of Object.keys(list)) {
      if (!(categories as string[]).includes(key)) delete list[key as keyof typeof list];
    }
    if (Object.keys(list).length === 0) delete body.components_list;
  }
  return body;
}

export type WizardBody = SaveClusterBody | SaveClusterBodyV04;

/** The body the wizard sends to a server of this generation (v0.3 when none is known yet). */
export function buildSaveBody(
  values: WizardValues,
  generation: NautesApiVersion | undefined,
): WizardBody {
  return generation === 'v0.4' ? toSaveBodyV04(values) : toSaveBody(values);
}

/** The request as it will be sent, with the kubeconfig's content replaced by a description. */
export function redactedRequest(
  values: WizardValues,
  generation: NautesApiVersion | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...buildSaveBody(values, generation) };
  if (typeof body.kubeconfig === 'string') {
    const inspection = inspect(values.kubeconfig);
    const context =
      inspection.state === 'ok'
        ? selectedContextName(inspection.info, values.kubeconfig_context)
        : undefined;
    body.kubeconfig = `<redacted: ${new TextEncoder().encode(body.kubeconfig).length} bytes${context ? `, context "${context}"` : ''}>`;
  }
  return body;
}
