import { z } from 'zod';
import { kubeconfigProblem } from '../kubeconfig/inspect-kubeconfig';
import { validateClusterName } from './cluster-name';
import { apiServerProblem, dnsNameProblem, portProblem } from './field-rules';

export const CLUSTER_KINDS = ['kubernetes'] as const;
export const CLUSTER_TYPES = ['physical', 'virtual'] as const;
export const CLUSTER_USAGES = ['host', 'worker'] as const;
export const WORKER_TYPES = ['pipeline', 'deployment'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];
export type ClusterType = (typeof CLUSTER_TYPES)[number];
export type ClusterUsage = (typeof CLUSTER_USAGES)[number];
export type WorkerType = (typeof WORKER_TYPES)[number];

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

export interface SaveBodyOptions {
  /**
   * An update of an existing physical cluster may leave the kubeconfig out to keep the stored
   * one; the clusters API passes true then. A kubeconfig that is given is still checked.
   */
  kubeconfigOptional?: boolean;
}

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

const NAMESPACE_PROBLEM = (ns: string) =>
  `"${ns}" is not a namespace name: use lowercase letters, digits and "-", at most 63 characters.`;

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

export interface SaveBodyIssue {
  path: string;
  message: string;
}

function presentString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function member<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

/**
 * The cross-field rules (combinations, required-when, the kubeconfig of physical clusters).
 * Works on any object so it can run even when some fields have the wrong type; a value of the
 * wrong type is reported by the shape and skipped here.
 */
export function saveBodyRuleIssues(
  body: Record<string, unknown>,
  options: SaveBodyOptions = {},
): SaveBodyIssue[] {
  const issues: SaveBodyIssue[] = [];
  const type = member(CLUSTER_TYPES, body.cluster_type);
  const usage = member(CLUSTER_USAGES, body.usage);
  const absent = (key: string) => body[key] === undefined || body[key] === '';

  if (type === 'virtual' && usage === 'host') {
    issues.push({
      path: 'usage',
      message:
        'A virtual cluster can only be a worker: choose usage "worker", or cluster type "physical" for a host cluster.',
    });
  }
  if (usage === 'worker' && absent('worker_type')) {
    issues.push({
      path: 'worker_type',
      message:
        'Choose the worker type of this worker cluster: "pipeline" (runs Tekton pipelines) or "deployment" (runs ArgoCD deployments).',
    });
  }
  const workerType = presentString(body.worker_type);
  if (usage === 'host' && workerType !== undefined) {
    issues.push({
      path: 'worker_type',
      message: `Leave worker_type empty for a host cluster (got "${workerType}"); only worker clusters have a worker type.`,
    });
  }
  if (type === 'virtual' && absent('host_cluster')) {
    issues.push({
      path: 'host_cluster',
      message:
        'Name the registered host cluster this virtual cluster runs on, e.g. "cluster-host".',
    });
  }
  const hostCluster = presentString(body.host_cluster);
  if (type === 'physical' && hostCluster !== undefined) {
    issues.push({
      path: 'host_cluster',
      message: `Leave host_cluster empty for a physical cluster (got "${hostCluster}"); only virtual clusters run on a host cluster.`,
    });
  }
  const reserved = body.reserved_namespaces_allowed_products;
  if (reserved !== null && typeof reserved === 'object' && !Array.isArray(reserved)) {
    for (const ns of Object.keys(reserved)) {
      if (validateClusterName(ns) !== undefined) {
        issues.push({
          path: `reserved_namespaces_allowed_products.${ns}`,
          message: NAMESPACE_PROBLEM(ns),
        });
      }
    }
  }
  if (type === 'physical') {
    const kubeconfig = body.kubeconfig;
    if (absent('kubeconfig') && options.kubeconfigOptional !== true) {
      issues.push({
        path: 'kubeconfig',
        message:
          'Paste the kubeconfig of this physical cluster (YAML or base64), as "kubectl config view --raw --minify" prints it.',
      });
    } else if (typeof kubeconfig === 'string' && kubeconfig !== '') {
      const problem = kubeconfigProblem(kubeconfig);
      if (problem !== undefined) issues.push({ path: 'kubeconfig', message: problem });
    }
  }
  return issues;
}

/** Leaves empty values out, and drops the kubeconfig of a virtual cluster (it is ignored). */
function normalize(body: SaveClusterBody): SaveClusterBody {
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
  }).transform(normalize);
}

/**
 * The contract's save body: every scalar a string, unknown fields dropped, cross-field rules.
 * Parsed output leaves `""` and empty objects out, and has no kubeconfig for virtual clusters.
 */
export const SaveClusterBodySchema = createSaveClusterBodySchema();

export type SaveBodyValidation =
  { ok: true; body: SaveClusterBody } | { ok: false; fieldErrors: Record<string, string> };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON `null` means "not set" to the real server's JSON decoder; treat it as absent. */
function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // `__proto__` from JSON.parse is an own key; copying it would set the prototype and let
    // the body smuggle in fields through inheritance.
    if (v === null || key === '__proto__') continue;
    out[key] = (key === 'traefik' || key === 'vcluster') && isPlainObject(v) ? dropNulls(v) : v;
  }
  return out;
}

export function addError(errors: Record<string, string>, path: string, message: string): void {
  // The first message for a path is the most useful one (a wrong type before a rule).
  errors[path] ??= message;
}

/**
 * Validates a save request body. On failure every offending field is reported at once, keyed
 * by its path (`traefik.https_node_port`); a body that is not a JSON object is keyed `body`.
 */
export function validateSaveBody(
  input: unknown,
  options: SaveBodyOptions = {},
): SaveBodyValidation {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      fieldErrors: {
        body: 'Send the cluster as a JSON object, e.g. {"api_server": "https://203.0.113.10:6443", ...}.',
      },
    };
  }
  const cleaned = dropNulls(input);
  // Shape and rules separately rather than through the combined schema: the rules then run
  // even when a field has the wrong type (every problem is reported at once), and the
  // kubeconfig is parsed only once.
  const shape = SaveClusterBodyShapeSchema.safeParse(cleaned);
  const ruleIssues = saveBodyRuleIssues(cleaned, options);
  if (shape.success && ruleIssues.length === 0) return { ok: true, body: normalize(shape.data) };
  const fieldErrors: Record<string, string> = {};
  for (const issue of shape.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    addError(fieldErrors, path === '' ? 'body' : path, issue.message);
  }
  for (const issue of ruleIssues) addError(fieldErrors, issue.path, issue.message);
  return { ok: false, fieldErrors };
}

/**
 * Validates the whole save request: the `cluster_name` path segment and the body, plus the rule
 * that a virtual cluster cannot be its own host.
 */
export function validateSaveRequest(
  clusterName: string,
  input: unknown,
  options: SaveBodyOptions = {},
): SaveBodyValidation {
  return withRequestRules(clusterName, validateSaveBody(input, options));
}

/** The path segment's rules on top of a body's validation (either API generation). */
export function withRequestRules<B extends { host_cluster?: string | undefined }>(
  clusterName: string,
  result: { ok: true; body: B } | { ok: false; fieldErrors: Record<string, string> },
): { ok: true; body: B } | { ok: false; fieldErrors: Record<string, string> } {
  const nameProblem = validateClusterName(clusterName);
  const fieldErrors: Record<string, string> = result.ok ? {} : { ...result.fieldErrors };
  if (nameProblem !== undefined) addError(fieldErrors, 'cluster_name', nameProblem);
  if (result.ok && result.body.host_cluster === clusterName) {
    addError(
      fieldErrors,
      'host_cluster',
      'A virtual cluster cannot be its own host: name the registered host cluster it runs on.',
    );
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return result;
}
