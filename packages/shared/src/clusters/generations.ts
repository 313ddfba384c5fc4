/**
 * The v0.3 <-> v0.4 mapping, for save bodies and for cluster replies:
 *
 * | v0.3 field                | v0.4 place                                        |
 * | `argocd_host`             | `components_list.deployment.additions.host`       |
 * | `tekton_host`             | `components_list.pipeline.additions.host`         |
 * | `traefik.http_node_port`  | `components_list.gateway.additions.httpNodePort`  |
 * | `traefik.https_node_port` | `components_list.gateway.additions.httpsNodePort` |
 *
 * Everything else is the same in both. Component names and namespaces have no v0.3 place.
 */
import type { NautesApiVersion } from './api-version';
import type { Cluster } from './cluster.schema';
import {
  applyComponentDefaults,
  COMPONENT_CATEGORIES,
  type Component,
  type ComponentsList,
  type PartialComponent,
} from './components';
import type { SaveClusterBody } from './save-body.schema';
import type { SaveClusterBodyV04 } from './save-body-v04.schema';

const present = (value: string | undefined | null): value is string =>
  value !== undefined && value !== null && value !== '';

type ComponentsInput = NonNullable<SaveClusterBodyV04['components_list']>;

function withAddition(
  components: ComponentsInput,
  category: 'deployment' | 'pipeline' | 'gateway',
  key: string,
  value: string | undefined,
): void {
  if (!present(value)) return;
  const component: PartialComponent = components[category] ?? {};
  components[category] = { ...component, additions: { ...component.additions, [key]: value } };
}

/**
 * A v0.3 body as v0.4 expects it. `base` is the components list to put the v0.3 values into
 * (an edited cluster's own, say); the v0.3 values win over what it holds.
 */
export function v03BodyToV04(body: SaveClusterBody, base?: ComponentsInput): SaveClusterBodyV04 {
  const { argocd_host: argocd, tekton_host: tekton, traefik, ...rest } = body;
  const components: ComponentsInput = { ...base };
  withAddition(components, 'deployment', 'host', argocd);
  withAddition(components, 'pipeline', 'host', tekton);
  withAddition(components, 'gateway', 'httpNodePort', traefik?.http_node_port);
  withAddition(components, 'gateway', 'httpsNodePort', traefik?.https_node_port);
  const out: SaveClusterBodyV04 = { ...rest };
  if (Object.keys(components).length > 0) out.components_list = components;
  return out;
}

interface V03Settings {
  argocd_host?: string;
  tekton_host?: string;
  traefik?: { http_node_port?: string; https_node_port?: string };
}

/** The v0.3 fields held by a components list (only those it has). */
export function v03SettingsOf(
  components: Partial<Record<string, PartialComponent | null | undefined>> | undefined,
): V03Settings {
  const out: V03Settings = {};
  const argocd = components?.deployment?.additions?.host;
  const tekton = components?.pipeline?.additions?.host;
  const gateway = components?.gateway?.additions;
  if (present(argocd)) out.argocd_host = argocd;
  if (present(tekton)) out.tekton_host = tekton;
  const traefik: NonNullable<V03Settings['traefik']> = {};
  if (present(gateway?.httpNodePort)) traefik.http_node_port = gateway.httpNodePort;
  if (present(gateway?.httpsNodePort)) traefik.https_node_port = gateway.httpsNodePort;
  if (Object.keys(traefik).length > 0) out.traefik = traefik;
  return out;
}

/** A v0.4 body as v0.3 expects it (component names and namespaces have no v0.3 place). */
export function v04BodyToV03(body: SaveClusterBodyV04): SaveClusterBody {
  const { components_list: components, ...rest } = body;
  return { ...rest, ...v03SettingsOf(components) };
}

/** A components list without null or absent categories. */
function presentComponents(
  list: Partial<Record<string, PartialComponent | null | undefined>> | undefined,
): ComponentsList | undefined {
  if (list === undefined || list === null) return undefined;
  const out: ComponentsList = {};
  for (const category of COMPONENT_CATEGORIES) {
    const component = list[category];
    if (component == null || !present(component.name) || !present(component.namespace)) continue;
    const copy: Component = { name: component.name, namespace: component.namespace };
    if (component.additions != null && Object.keys(component.additions).length > 0) {
      copy.additions = { ...component.additions };
    }
    out[category] = copy;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A cluster as either generation answers it, read into the one shape the console uses: the
 * v0.3 fields (filled from the components where a v0.4 server gave only those) and, where the
 * server has them, the components, null categories left out. `""`, `null` and `{}` are absent.
 */
export interface ClusterView extends Cluster {
  /** Which generation's reply this was: v0.4 replies carry `components_list`. */
  generation: NautesApiVersion;
  components?: ComponentsList;
}

export function readClusterReply(cluster: Cluster): ClusterView {
  return intoClusterView({ ...cluster });
}

/**
 * readClusterReply for a cluster the caller made and gives up (a list of thousands read from
 * JSON): it becomes the view itself, without a copy. Nested objects are kept, not changed.
 */
export function intoClusterView(cluster: Cluster): ClusterView {
  const list = cluster.components_list;
  const view = cluster as ClusterView;
  view.generation = list !== undefined ? 'v0.4' : 'v0.3';
  if ('components_list' in view) delete view.components_list;
  const components = presentComponents(list);
  if (components !== undefined) {
    view.components = components;
    const derived = v03SettingsOf(components);
    view.argocd_host ??= derived.argocd_host;
    view.tekton_host ??= derived.tekton_host;
    view.traefik ??= derived.traefik;
    if (view.argocd_host === undefined) delete view.argocd_host;
    if (view.tekton_host === undefined) delete view.tekton_host;
    if (view.traefik === undefined) delete view.traefik;
  }
  for (const key of [
    'reserved_namespaces_allowed_products',
    'product_allowed_cluster_resources',
  ] as const) {
    const map = view[key];
    if (map !== undefined && Object.keys(map).length === 0) delete view[key];
  }
  return view;
}

/** Our stored cluster as a v0.3 server answers it: components folded into the v0.3 fields. */
export function clusterReplyV03(cluster: Cluster): Cluster {
  const { components_list: list, ...rest } = cluster;
  if (list === undefined) return rest;
  return { ...v03SettingsOf(list), ...rest };
}

/**
 * Our stored cluster as a v0.4 server answers it: every field present (`""`, `null`, `{}` for
 * unset ones), `components_list` with `null` for a category the cluster lacks, and no
 * kubeconfig, `vcluster`, `traefik`, `argocd_host` or `tekton_host`. A cluster stored by the
 * v0.3 generation gets its components from the v0.4 defaults and its v0.3 settings.
 */
export function clusterReplyV04(cluster: Cluster): Record<string, unknown> {
  let components = presentComponents(cluster.components_list);
  if (components === undefined) {
    const asV04 = v03BodyToV04({
      api_server: cluster.api_server,
      argocd_host: cluster.argocd_host,
      tekton_host: cluster.tekton_host,
      traefik: cluster.traefik,
    } as SaveClusterBody);
    components = applyComponentDefaults(cluster.name, {
      ...cluster,
      components_list: asV04.components_list,
    });
  }
  const list: Record<string, Component | null> = {};
  for (const category of COMPONENT_CATEGORIES) list[category] = components[category] ?? null;
  return {
    name: cluster.name,
    cluster_kind: cluster.cluster_kind,
    cluster_type: cluster.cluster_type,
    usage: cluster.usage,
    host_cluster: cluster.host_cluster ?? '',
    primary_domain: cluster.primary_domain ?? '',
    worker_type: cluster.worker_type ?? '',
    api_server: cluster.api_server,
    components_list: list,
    reserved_namespaces_allowed_products: cluster.reserved_namespaces_allowed_products ?? {},
    product_allowed_cluster_resources: cluster.product_allowed_cluster_resources ?? {},
  };
}
