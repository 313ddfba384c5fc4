import { z } from 'zod';

/** The real server writes unset fields as `""` (and may send null); both mean "absent". */
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const optionalText = z.preprocess(blankToUndefined, z.string().optional());
const optionalObject = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

/**
 * One cluster as GET answers it (and each list item). Tolerant, because the real server is:
 * `""` and null count as absent, unknown fields are accepted (and dropped), and enum-like
 * fields are plain strings so a newer server's values do not break an older client.
 */
export const ClusterSchema = z.object({
  name: z.string(),
  cluster_kind: z.string(),
  cluster_type: z.string(),
  usage: z.string(),
  worker_type: optionalText,
  host_cluster: optionalText,
  api_server: z.string(),
  primary_domain: optionalText,
  argocd_host: optionalText,
  tekton_host: optionalText,
  traefik: optionalObject(
    z.object({ http_node_port: optionalText, https_node_port: optionalText }),
  ),
  vcluster: optionalObject(z.object({ https_node_port: optionalText })),
  /** v0.4: category -> component; a category the cluster lacks is `null` (or absent). */
  components_list: optionalObject(
    z.record(
      z.string(),
      z
        .object({
          name: z.string(),
          namespace: z.string(),
          additions: optionalObject(z.record(z.string(), z.string())),
        })
        .nullable(),
    ),
    // A malformed list must not make the whole cluster (or the list page) unreadable.
  ).catch(undefined),
  reserved_namespaces_allowed_products: optionalObject(z.record(z.string(), z.array(z.string()))),
  product_allowed_cluster_resources: optionalObject(
    z.record(z.string(), z.array(z.object({ kind: z.string(), group: z.string() }))),
  ),
});
export type Cluster = z.infer<typeof ClusterSchema>;

/** GET /api/v1/clusters: `items` may be missing or null on the real server when there are none. */
export const ClusterListSchema = z.object({
  items: z.preprocess((value) => value ?? [], z.array(ClusterSchema)),
});
export type ClusterList = z.infer<typeof ClusterListSchema>;

/** The success body of POST and DELETE. */
export const ClusterMessageSchema = z.object({ message: z.string() });
export type ClusterMessage = z.infer<typeof ClusterMessageSchema>;

export function savedMessage(name: string): string {
  return `Successfully saved ${name} cluster`;
}

export function deletedMessage(name: string): string {
  return `Successfully deleted ${name} cluster`;
}
