import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { Cluster } from './cluster.schema';
import { componentsFromResource } from './components-case';
import { sortKeysDeep } from './sort-keys';
import type { SaveClusterBody } from './save-body.schema';

/** Where the tenant configuration repository keeps one file per cluster. */
export const CLUSTERS_DIR = 'nautes/overlays/production/clusters';
export const KUSTOMIZATION_PATH = `${CLUSTERS_DIR}/kustomization.yaml`;

export const CLUSTER_RESOURCE_API_VERSION = 'nautes.resource.nautes.io/v1alpha1';
export const CLUSTER_RESOURCE_NAMESPACE = 'nautes';

export function clusterFileName(name: string): string {
  return `${name}.yaml`;
}

export function clusterFilePath(name: string): string {
  return `${CLUSTERS_DIR}/${clusterFileName(name)}`;
}

/** Where the kubeconfig lives (Vault KV v2 on the real server, our secret store here). */
export function kubeconfigSecretLocation(name: string): {
  mount: 'cluster';
  path: string;
  key: 'kubeconfig';
} {
  return { mount: 'cluster', path: `kubernetes/${name}/default/admin`, key: 'kubeconfig' };
}

const nonEmpty = z.string().min(1);

/** A component in a v0.4 Cluster resource's `componentsList`. */
const ResourceComponentSchema = z.object({
  additions: z.record(z.string(), z.string()).optional(),
  name: nonEmpty,
  namespace: nonEmpty,
});

/**
 * The Cluster resource of either API generation: v0.3 writes `argocdHost`, `tektonHost` and
 * `traefik`; v0.4 writes `componentsList` (categories in camelCase), `creationTimestamp: null`
 * and `status: {}`, every key sorted (as Kubernetes' own YAML writer does).
 */
export const ClusterResourceSchema = z.object({
  apiVersion: z.literal(CLUSTER_RESOURCE_API_VERSION),
  kind: z.literal('Cluster'),
  metadata: z.object({
    creationTimestamp: z.null().optional(),
    name: nonEmpty,
    namespace: z.literal(CLUSTER_RESOURCE_NAMESPACE),
  }),
  spec: z.object({
    apiServer: nonEmpty,
    clusterKind: nonEmpty,
    clusterType: nonEmpty,
    usage: nonEmpty,
    workerType: nonEmpty.optional(),
    hostCluster: nonEmpty.optional(),
    primaryDomain: nonEmpty.optional(),
    argocdHost: nonEmpty.optional(),
    tektonHost: nonEmpty.optional(),
    traefik: z.object({ httpNodePort: nonEmpty, httpsNodePort: nonEmpty }).optional(),
    vcluster: z.object({ httpsNodePort: nonEmpty }).optional(),
    componentsList: z.record(z.string(), ResourceComponentSchema).optional(),
    reservedNamespacesAllowedProducts: z.record(z.string(), z.array(z.string())).optional(),
    productAllowedClusterResources: z
      .record(z.string(), z.array(z.object({ kind: z.string(), group: z.string() })))
      .optional(),
  }),
  status: z.object({}).optional(),
});
export type ClusterResource = z.infer<typeof ClusterResourceSchema>;
type Spec = ClusterResource['spec'];

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/** A copy of a map with its keys sorted, so the file diffs cleanly whatever order came in. */
function sortedMap<T>(map: Record<string, T> | undefined): Record<string, T> | undefined {
  if (map === undefined || Object.keys(map).length === 0) return undefined;
  const out: Record<string, T> = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key] as T;
  return out;
}

/**
 * The Cluster resource written to Git for a (defaulted) save body. Keys come in a fixed order
 * and empty values are left out; the kubeconfig is never part of it.
 */
export function toClusterResource(name: string, body: SaveClusterBody): ClusterResource {
  const spec: Spec = {
    apiServer: body.api_server,
    clusterKind: body.cluster_kind,
    clusterType: body.cluster_type,
    usage: body.usage,
  };
  if (present(body.worker_type)) spec.workerType = body.worker_type;
  if (present(body.host_cluster)) spec.hostCluster = body.host_cluster;
  if (present(body.primary_domain)) spec.primaryDomain = body.primary_domain;
  if (present(body.argocd_host)) spec.argocdHost = body.argocd_host;
  if (present(body.tekton_host)) spec.tektonHost = body.tekton_host;
  const http = body.traefik?.http_node_port;
  const https = body.traefik?.https_node_port;
  if (present(http) && present(https)) spec.traefik = { httpNodePort: http, httpsNodePort: https };
  const vclusterPort = body.vcluster?.https_node_port;
  if (present(vclusterPort)) spec.vcluster = { httpsNodePort: vclusterPort };
  const reserved = sortedMap(body.reserved_namespaces_allowed_products);
  if (reserved !== undefined) spec.reservedNamespacesAllowedProducts = reserved;
  const resources = sortedMap(body.product_allowed_cluster_resources);
  if (resources !== undefined) {
    spec.productAllowedClusterResources = Object.fromEntries(
      Object.entries(resources).map(([product, list]) => [
        product,
        list.map(({ kind, group }) => ({ kind, group })),
      ]),
    );
  }
  return {
    apiVersion: CLUSTER_RESOURCE_API_VERSION,
    kind: 'Cluster',
    metadata: { name, namespace: CLUSTER_RESOURCE_NAMESPACE },
    spec,
  };
}

/** The API's cluster shape for a resource read from Git. */
export function fromClusterResource(resource: ClusterResource): Cluster {
  const { spec } = resource;
  const cluster: Cluster = {
    name: resource.metadata.name,
    cluster_kind: spec.clusterKind,
    cluster_type: spec.clusterType,
    usage: spec.usage,
    api_server: spec.apiServer,
  };
  if (spec.workerType !== undefined) cluster.worker_type = spec.workerType;
  if (spec.hostCluster !== undefined) cluster.host_cluster = spec.hostCluster;
  if (spec.primaryDomain !== undefined) cluster.primary_domain = spec.primaryDomain;
  if (spec.argocdHost !== undefined) cluster.argocd_host = spec.argocdHost;
  if (spec.tektonHost !== undefined) cluster.tekton_host = spec.tektonHost;
  if (spec.traefik !== undefined) {
    cluster.traefik = {
      http_node_port: spec.traefik.httpNodePort,
      https_node_port: spec.traefik.httpsNodePort,
    };
  }
  if (spec.vcluster !== undefined) {
    cluster.vcluster = { https_node_port: spec.vcluster.httpsNodePort };
  }
  if (spec.componentsList !== undefined) {
    cluster.components_list = componentsFromResource(spec.componentsList);
  }
  if (spec.reservedNamespacesAllowedProducts !== undefined) {
    cluster.reserved_namespaces_allowed_products = spec.reservedNamespacesAllowedProducts;
  }
  if (spec.productAllowedClusterResources !== undefined) {
    cluster.product_allowed_cluster_resources = spec.productAllowedClusterResources;
  }
  return cluster;
}

/** YAML keeps the order the object was built in; `toClusterResource` builds it in a fixed one. */
const YAML_OPTIONS = { lineWidth: 0, indentSeq: false } as const;

export function clusterResourceToYaml(resource: ClusterResource): string {
  // Re-parse so a hand-built resource gets the canonical key order too.
  const canonical = ClusterResourceSchema.parse(resource);
  const v04 = canonical.spec.componentsList !== undefined;
  return stringify(v04 ? sortKeysDeep(canonical) : canonical, YAML_OPTIONS);
}

/** Parses and checks a cluster file; throws an Error naming the problem when it is not one. */
export function parseClusterResourceYaml(text: string): ClusterResource {
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new Error(`Cluster file is not valid YAML: ${(error as Error).message}`);
  }
  const result = ClusterResourceSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : issue.path.join('.');
    throw new Error(
      `Cluster file is not a Cluster resource: ${where} ${issue?.message ?? ''}`.trim(),
    );
  }
  return result.data;
}
