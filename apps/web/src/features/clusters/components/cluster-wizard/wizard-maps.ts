/**
 * `reserved_namespaces_allowed_products` and `product_allowed_cluster_resources` as the form
 * holds them (rows), and as the body carries them (maps). Both generations have them.
 */

export interface ReservedNamespaceRow {
  namespace: string;
  /** Product names, comma-separated. */
  products: string;
}

export interface ClusterResourceRow {
  product: string;
  kind: string;
  group: string;
}

export const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const blankReserved = (row: ReservedNamespaceRow) =>
  row.namespace.trim() === '' && row.products.trim() === '';
const blankResource = (row: ClusterResourceRow) =>
  row.product.trim() === '' && row.kind.trim() === '' && row.group.trim() === '';

/** The rows as the body's map; undefined when every row is blank. */
export function reservedNamespacesMap(
  rows: readonly ReservedNamespaceRow[],
): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    if (blankReserved(row)) continue;
    const namespace = row.namespace.trim();
    out[namespace] = [...(out[namespace] ?? []), ...splitList(row.products)];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function clusterResourcesMap(
  rows: readonly ClusterResourceRow[],
): Record<string, { kind: string; group: string }[]> | undefined {
  const out: Record<string, { kind: string; group: string }[]> = {};
  for (const row of rows) {
    if (blankResource(row)) continue;
    const product = row.product.trim();
    out[product] = [...(out[product] ?? []), { kind: row.kind.trim(), group: row.group.trim() }];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
