/**
 * The writer of the Nautes CLI's cluster file: one YAML document per cluster, `---` between
 * them, keys in the order of the contract's example. v0.4 writes `componentsList` (only the
 * categories the cluster has; the server-added ones left out), v0.3 writes `argocdHost`,
 * `tektonHost` and `traefik`. The kubeconfig is never written: a physical cluster gets a
 * comment where it belongs, for the user to fill in.
 */
import { stringify } from 'yaml';
import type { NautesApiVersion } from '../clusters/api-version';
import { CLUSTER_RESOURCE_API_VERSION } from '../clusters/cluster-resource';
import {
  applyComponentDefaults,
  clientCategoriesFor,
  CLIENT_COMPONENT_CATEGORIES,
  type PartialComponent,
} from '../clusters/components';
import { categoryToCamel } from '../clusters/components-case';
import { v03BodyToV04, type ClusterView } from '../clusters/generations';
import type { SaveClusterBody } from '../clusters/save-body.schema';

export const CLI_FILE_KUBECONFIG_COMMENT =
  "# kubeconfig: add this cluster's kubeconfig here (the console never exports it), as\n" +
  '# kubeconfig: |\n' +
  '#   <the output of "kubectl config view --raw --minify", indented>';

/** A key the YAML writer puts where the kubeconfig belongs; replaced by the comment. */
const KUBECONFIG_PLACEHOLDER = 'cluster-console-kubeconfig-placeholder';

const present = (value: string | undefined | null): value is string =>
  value !== undefined && value !== null && value !== '';

type FileComponent = { name?: string; namespace?: string; additions?: Record<string, string> };

function fileComponent(component: PartialComponent): FileComponent {
  const out: FileComponent = {};
  if (present(component.name)) out.name = component.name;
  if (present(component.namespace)) out.namespace = component.namespace;
  const additions = Object.entries(component.additions ?? {}).filter(([, v]) => present(v));
  if (additions.length > 0) out.additions = Object.fromEntries(additions);
  return out;
}

/**
 * The cluster's client components: its own (a v0.4 reply's), the v0.3 settings laid over them
 * (they agree when both came from one reply), or the v0.4 server's defaults with the v0.3
 * settings when the cluster came from a v0.3 server. Only the categories its kind has.
 */
function componentsOf(view: ClusterView): Record<string, FileComponent> {
  const settings = {
    argocd_host: view.argocd_host,
    tekton_host: view.tekton_host,
    traefik: view.traefik,
  } as SaveClusterBody;
  const merged = v03BodyToV04(settings, view.components).components_list ?? {};
  const list: Partial<Record<string, PartialComponent>> =
    view.components === undefined
      ? applyComponentDefaults(view.name, { ...view, components_list: merged })
      : merged;
  const has = clientCategoriesFor(view);
  const out: Record<string, FileComponent> = {};
  // Sorted by file key, as in the contract's example and the committed Cluster resource.
  const categories = [...CLIENT_COMPONENT_CATEGORIES].sort((a, b) =>
    categoryToCamel(a).localeCompare(categoryToCamel(b)),
  );
  for (const category of categories) {
    const component = list[category];
    if (component == null) continue;
    if (has.length > 0 && !has.includes(category)) continue;
    out[categoryToCamel(category)] = fileComponent(component);
  }
  return out;
}

function nonEmptyMap<T>(map: Record<string, T> | undefined): Record<string, T> | undefined {
  return map !== undefined && Object.keys(map).length > 0 ? map : undefined;
}

/** The `spec` of one cluster, keys in the contract example's order, empty values left out. */
function specOf(view: ClusterView, generation: NautesApiVersion): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    name: view.name,
    apiServer: view.api_server,
    clusterKind: view.cluster_kind,
    clusterType: view.cluster_type,
    usage: view.usage,
  };
  if (present(view.worker_type)) spec.workerType = view.worker_type;
  if (present(view.host_cluster)) spec.hostCluster = view.host_cluster;
  if (present(view.primary_domain)) spec.primaryDomain = view.primary_domain;
  if (view.cluster_type !== 'virtual') spec[KUBECONFIG_PLACEHOLDER] = '';
  if (present(view.vcluster?.https_node_port)) {
    spec.vcluster = { httpsNodePort: view.vcluster.https_node_port };
  }
  if (generation === 'v0.4') {
    const components = componentsOf(view);
    if (Object.keys(components).length > 0) spec.componentsList = components;
  } else {
    if (present(view.argocd_host)) spec.argocdHost = view.argocd_host;
    if (present(view.tekton_host)) spec.tektonHost = view.tekton_host;
    const traefik: Record<string, string> = {};
    if (present(view.traefik?.http_node_port)) traefik.httpNodePort = view.traefik.http_node_port;
    if (present(view.traefik?.https_node_port)) {
      traefik.httpsNodePort = view.traefik.https_node_port;
    }
    if (Object.keys(traefik).length > 0) spec.traefik = traefik;
  }
  const reserved = nonEmptyMap(view.reserved_namespaces_allowed_products);
  if (reserved !== undefined) spec.reservedNamespacesAllowedProducts = reserved;
  const resources = nonEmptyMap(view.product_allowed_cluster_resources);
  if (resources !== undefined) {
    spec.productAllowedClusterResources = Object.fromEntries(
      Object.entries(resources).map(([product, list]) => [
        product,
        list.map(({ kind, group }) => ({ kind, group })),
      ]),
    );
  }
  return spec;
}

function documentOf(view: ClusterView, generation: NautesApiVersion): string {
  const yaml = stringify(
    { apiVersion: CLUSTER_RESOURCE_API_VERSION, kind: 'Cluster', spec: specOf(view, generation) },
    { lineWidth: 0, indentSeq: false },
  );
  return yaml.replace(
    new RegExp(`^( *)${KUBECONFIG_PLACEHOLDER}: ""$`, 'm'),
    (_line, indent: string) =>
      CLI_FILE_KUBECONFIG_COMMENT.split('\n')
        .map((line) => indent + line)
        .join('\n'),
  );
}

/**
 * The clusters as a Nautes CLI cluster file for a generation's server
 * (`nautes apply -f <file>`), one document per cluster. Never holds a kubeconfig.
 */
export function writeCliClusterFile(
  clusters: readonly ClusterView[],
  generation: NautesApiVersion,
): string {
  return clusters.map((view) => documentOf(view, generation)).join('---\n');
}
