import { intoClusterView, type Cluster, type ClusterView } from '@cluster-console/shared';

/**
 * The same tolerant reading as the shared `ClusterSchema` ("" and null are absent, unknown
 * fields dropped, a malformed `components_list` absent), written without zod so the list
 * page's initial download stays small, then the shared `intoClusterView` (readClusterReply in
 * place): one shape for a reply of either generation. `{}` counts as absent too, for every
 * optional object.
 * `normalize-clusters.test.ts` checks it against the shared schema so the two cannot drift.
 */
export class InvalidClusterResponseError extends Error {
  override readonly name = 'InvalidClusterResponseError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredText(source: Json, key: string, where: string): string {
  const value = source[key];
  if (typeof value !== 'string')
    throw new InvalidClusterResponseError(`${where}.${key} must be a string`);
  return value;
}

function optionalText(source: Json, key: string, where: string): string | undefined {
  const value = source[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string')
    throw new InvalidClusterResponseError(`${where}.${key} must be a string`);
  return value;
}

function optionalObject(source: Json, key: string, where: string): Json | undefined {
  const value = source[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value)) throw new InvalidClusterResponseError(`${where}.${key} must be an object`);
  return value;
}

function isEmpty(value: object | undefined): boolean {
  return value !== undefined && Object.keys(value).length === 0;
}

function optionalStringRecord(value: unknown): Record<string, string> | undefined | false {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value) || Object.values(value).some((item) => typeof item !== 'string')) {
    return false;
  }
  return value as Record<string, string>;
}

/** v0.4's `components_list`; malformed reads as absent (as the shared schema's `.catch`). */
function readComponentsList(value: unknown): Cluster['components_list'] {
  if (value === undefined || value === null || value === '' || !isObject(value)) return undefined;
  const out: NonNullable<Cluster['components_list']> = {};
  for (const [category, component] of Object.entries(value)) {
    if (component === null) {
      out[category] = null;
      continue;
    }
    if (!isObject(component)) return undefined;
    const { name, namespace } = component;
    const additions = optionalStringRecord(component.additions);
    if (typeof name !== 'string' || typeof namespace !== 'string' || additions === false) {
      return undefined;
    }
    out[category] = additions === undefined ? { name, namespace } : { name, namespace, additions };
  }
  return out;
}

function stringArray(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new InvalidClusterResponseError(`${where} must be a list of strings`);
  }
  return value as string[];
}

/** The fields of one cluster as the shared `ClusterSchema` reads them. */
export function readClusterFields(value: unknown, where = 'cluster'): Cluster {
  if (!isObject(value)) throw new InvalidClusterResponseError(`${where} must be an object`);
  const cluster: Cluster = {
    name: requiredText(value, 'name', where),
    cluster_kind: requiredText(value, 'cluster_kind', where),
    cluster_type: requiredText(value, 'cluster_type', where),
    usage: requiredText(value, 'usage', where),
    api_server: requiredText(value, 'api_server', where),
  };
  for (const key of [
    'worker_type',
    'host_cluster',
    'primary_domain',
    'argocd_host',
    'tekton_host',
  ] as const) {
    const text = optionalText(value, key, where);
    if (text !== undefined) cluster[key] = text;
  }
  const traefik = optionalObject(value, 'traefik', where);
  if (traefik) {
    const http = optionalText(traefik, 'http_node_port', `${where}.traefik`);
    const https = optionalText(traefik, 'https_node_port', `${where}.traefik`);
    cluster.traefik = {};
    if (http !== undefined) cluster.traefik.http_node_port = http;
    if (https !== undefined) cluster.traefik.https_node_port = https;
  }
  const vcluster = optionalObject(value, 'vcluster', where);
  if (vcluster) {
    const https = optionalText(vcluster, 'https_node_port', `${where}.vcluster`);
    cluster.vcluster = {};
    if (https !== undefined) cluster.vcluster.https_node_port = https;
  }
  const namespaces = optionalObject(value, 'reserved_namespaces_allowed_products', where);
  if (namespaces) {
    cluster.reserved_namespaces_allowed_products = Object.fromEntries(
      Object.entries(namespaces).map(([key, list]) => [
        key,
        stringArray(list, `${where}.reserved_namespaces_allowed_products.${key}`),
      ]),
    );
  }
  const resources = optionalObject(value, 'product_allowed_cluster_resources', where);
  if (resources) {
    cluster.product_allowed_cluster_resources = Object.fromEntries(
      Object.entries(resources).map(([product, list]) => {
        const at = `${where}.product_allowed_cluster_resources.${product}`;
        if (!Array.isArray(list)) throw new InvalidClusterResponseError(`${at} must be a list`);
        return [
          product,
          list.map((item, index) => {
            if (!isObject(item))
              throw new InvalidClusterResponseError(`${at}.${index} must be an object`);
            return {
              kind: requiredText(item, 'kind', `${at}.${index}`),
              group: requiredText(item, 'group', `${at}.${index}`),
            };
          }),
        ];
      }),
    );
  }
  const components = readComponentsList(value.components_list);
  if (components !== undefined) cluster.components_list = components;
  return cluster;
}

/** One cluster of either generation, in the one shape the pages use; `{}` is absent. */
export function normalizeCluster(value: unknown, where = 'cluster'): ClusterView {
  const cluster = readClusterFields(value, where);
  if (isEmpty(cluster.traefik)) delete cluster.traefik;
  if (isEmpty(cluster.vcluster)) delete cluster.vcluster;
  if (isEmpty(cluster.components_list ?? undefined)) delete cluster.components_list;
  // readClusterFields made `cluster` for this call: it becomes the view itself, not a copy (a
  // list of 5,000 is read before the page can show its first row).
  return intoClusterView(cluster);
}

export function normalizeClusterList(value: unknown): { items: ClusterView[] } {
  if (!isObject(value)) throw new InvalidClusterResponseError('the cluster list must be an object');
  const items = value.items ?? [];
  if (!Array.isArray(items)) throw new InvalidClusterResponseError('items must be a list');
  return { items: items.map((item, index) => normalizeCluster(item, `items.${index}`)) };
}
