import { z } from 'zod';
import { validateClusterName } from './cluster-name';
import { CLUSTER_KINDS, CLUSTER_TYPES, CLUSTER_USAGES, WORKER_TYPES } from './cluster-kinds';
import { apiServerProblem, dnsNameProblem, portProblem } from './field-rules';
import { saveBodyRuleIssues, type SaveBodyOptions } from './save-body-rules';

/** The scalar field paths of the save body, in the order a form shows them. */
export const SAVE_BODY_FIELD_PATHS = [
  'api_server',
  'cluster_kind',
  'cluster_type',
  'usage',
  'worker_type',
  'host_cluster',
  'primary_domain',
  'argocd_host',
  'tekton_host',
  'traefik.http_node_port',
  'traefik.https_node_port',
  'vcluster.https_node_port',
  'kubeconfig',
] as const;
export type SaveBodyFieldPath = (typeof SAVE_BODY_FIELD_PATHS)[number];

/**
 * "must be a string" with an example the user can copy: their own number or boolean in quotes
 * (30080 becomes "30080"), or a typical value for anything else.
 */
function notString(example: string, input?: unknown): string {
  const own = typeof input === 'number' || typeof input === 'boolean' ? String(input) : example;
  return `must be a string, e.g. "${own}"`;
}

/** A message for a wrong JSON type, or for a missing required value. */
function typeError(example: string, missing?: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined && missing !== undefined ? missing : notString(example, issue.input);
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(' or ');
}

function choice<const T extends readonly [string, ...string[]]>(
  values: T,
  missing: string,
  allowEmpty = false,
) {
  const accepted = allowEmpty ? ([...values, ''] as const) : values;
  return z.enum(accepted as unknown as T, {
    error: (issue) => {
      const input = issue.input;
      if (input === undefined || input === '') return missing;
      if (typeof input !== 'string') return notString(values[0], input);
      return `Choose ${quoteList(values)} (got "${input}").`;
    },
  });
}

/** An optional string: `""` counts as absent, anything else must pass `check`. */
export function optionalCheckedText(example: string, check: (value: string) => string | undefined) {
  return z
    .string({ error: typeError(example) })
    .superRefine((value, ctx) => {
      if (value === '') return;
      const message = check(value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message });
    })
    .optional();
}

const port = (example: string) => optionalCheckedText(example, portProblem);
const dnsName = (example: string) => optionalCheckedText(example, dnsNameProblem);

const API_SERVER_MISSING =
  'Enter the URL of the cluster\'s Kubernetes API server, e.g. "https://203.0.113.10:6443".';

const ReservedNamespacesSchema = z
  .record(
    z.string(),
    z.array(
      z
        .string({ error: typeError('my-product') })
        .min(1, 'Enter a product name, or remove the empty entry.'),
      { error: 'must be a list of product names, e.g. ["my-product"]' },
    ),
    {
      error:
        'must be an object mapping a namespace to product names, e.g. {"argocd": ["my-product"]}',
    },
  )
  .optional();

const ClusterResourceRefSchema = z.object(
  {
    kind: z
      .string({ error: typeError('ClusterRole', 'Enter the resource kind, e.g. "ClusterRole".') })
      .min(1, 'Enter the resource kind, e.g. "ClusterRole".'),
    group: z
      .string({
        error: typeError(
          'rbac.authorization.k8s.io',
          'Enter the API group, e.g. "rbac.authorization.k8s.io".',
        ),
      })
      .min(1, 'Enter the API group, e.g. "rbac.authorization.k8s.io".'),
  },
  { error: 'must be an object like {"kind": "ClusterRole", "group": "rbac.authorization.k8s.io"}' },
);

const ProductResourcesSchema = z
  .record(
    z.string(),
    z.array(ClusterResourceRefSchema, {
      error: 'must be a list like [{"kind": "ClusterRole", "group": "rbac.authorization.k8s.io"}]',
    }),
    {
      error:
        'must be an object mapping a product to resources, e.g. {"my-product": [{"kind": "ClusterRole", "group": "rbac.authorization.k8s.io"}]}',
    },
  )
  .optional();

/**
 * The save body's shape, field by field: JSON types, allowed values and single-value formats.
 * Unknown fields (also nested ones) are dropped, as the real server does.
 */
export const SaveClusterBodyShapeSchema = z.object({
  api_server: z
    .string({ error: typeError('https://203.0.113.10:6443', API_SERVER_MISSING) })
    .superRefine((value, ctx) => {
      const message = value === '' ? API_SERVER_MISSING : apiServerProblem(value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message });
    }),
  cluster_kind: choice(CLUSTER_KINDS, 'Set cluster_kind to "kubernetes".'),
  cluster_type: choice(
    CLUSTER_TYPES,
    'Choose the cluster type: "physical" (its own control plane) or "virtual" (a vcluster on a host cluster).',
  ),
  usage: choice(
    CLUSTER_USAGES,
    'Choose the usage: "host" (runs virtual clusters) or "worker" (runs pipelines or deployments).',
  ),
  worker_type: choice(
    WORKER_TYPES,
    'Choose the worker type: "pipeline" or "deployment".',
    true,
  ).optional(),
  host_cluster: optionalCheckedText('cluster-host', validateClusterName),
  primary_domain: dnsName('8.217.50.114.nip.io'),
  argocd_host: dnsName('argocd.cluster-name.example.com'),
  tekton_host: dnsName('tekton.cluster-name.example.com'),
  traefik: z
    .object(
      { http_node_port: port('30080'), https_node_port: port('30443') },
      { error: 'must be an object, e.g. {"http_node_port": "30080", "https_node_port": "30443"}' },
    )
    .optional(),
  vcluster: z
    .object(
      { https_node_port: port('31456') },
      { error: 'must be an object, e.g. {"https_node_port": "31456"}' },
    )
    .optional(),
  kubeconfig: z
    .string({ error: 'must be a string holding the kubeconfig YAML (or its base64)' })
    .optional(),
  reserved_namespaces_allowed_products: ReservedNamespacesSchema,
  product_allowed_cluster_resources: ProductResourcesSchema,
});

export type SaveClusterBody = z.infer<typeof SaveClusterBodyShapeSchema>;

/** Leaves empty values out, and drops the kubeconfig of a virtual cluster (it is ignored). */
export function normalizeSaveBody(body: SaveClusterBody): SaveClusterBody {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === '') continue;
    if (key === 'traefik' || key === 'vcluster') {
      const nested = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(
          ([, v]) => v !== undefined && v !== '',
        ),
      );
      if (Object.keys(nested).length > 0) out[key] = nested;
      continue;
    }
    if (typeof value === 'object' && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  if (out.cluster_type === 'virtual') delete out.kubeconfig;
  return out as SaveClusterBody;
}

/** The save-body schema with its cross-field rules; `options` relaxes the kubeconfig for updates. */
export function createSaveClusterBodySchema(options: SaveBodyOptions = {}) {
  return SaveClusterBodyShapeSchema.superRefine((body, ctx) => {
    for (const issue of saveBodyRuleIssues(body, options)) {
      ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
    }
  }).transform(normalizeSaveBody);
}

/**
 * The contract's save body: every scalar a string, unknown fields dropped, cross-field rules.
 * Parsed output leaves `""` and empty objects out, and has no kubeconfig for virtual clusters.
 */
export const SaveClusterBodySchema = createSaveClusterBodySchema();
