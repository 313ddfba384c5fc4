/**
 * The Nautes v0.4 save body: the v0.3 body without `argocd_host`, `tekton_host` and `traefik`,
 * with `components_list` instead. Same conventions: every scalar a string, unknown fields
 * dropped, `null` and `""` mean absent, every offending field reported at once under its path
 * (`components_list.gateway.additions.httpsNodePort`).
 */
import { z } from 'zod';
import { validateClusterName } from './cluster-name';
import {
  applyComponentDefaults,
  CLIENT_COMPONENT_CATEGORIES,
  reservedNamespaceProblems,
  type ClientComponentCategory,
  type ComponentsList,
} from './components';
import { defaultPrimaryDomain, defaultVclusterHttpsNodePort } from './defaults';
import { dnsNameProblem, portProblem } from './field-rules';
import { saveBodyRuleIssues, type SaveBodyOptions } from './save-body-rules';
import { optionalCheckedText, SaveClusterBodyShapeSchema } from './save-body.schema';
import {
  addError,
  addShapeIssues,
  isPlainObject,
  notAnObject,
  withRequestRules,
} from './validate-save-body';

const componentName = (example: string) =>
  optionalCheckedText(example, (value) =>
    validateClusterName(value) === undefined
      ? undefined
      : `"${value}" is not a valid name: use lowercase letters, digits and "-", at most 63 characters.`,
  );

/** Known `additions` keys are checked; others are kept as strings (the server passes them on). */
const ADDITION_CHECKS: Record<string, (value: string) => string | undefined> = {
  host: dnsNameProblem,
  httpNodePort: portProblem,
  httpsNodePort: portProblem,
};

const AdditionsSchema = z
  .record(
    z.string(),
    z.string({
      error: (issue) => {
        const input = issue.input;
        const example = typeof input === 'number' || typeof input === 'boolean' ? input : 30080;
        return `must be a string, e.g. "${String(example)}"`;
      },
    }),
    { error: 'must be an object of strings, e.g. {"host": "argocd.example.com"}' },
  )
  .superRefine((additions, ctx) => {
    for (const [key, value] of Object.entries(additions)) {
      const check = ADDITION_CHECKS[key];
      const message = value === '' || check === undefined ? undefined : check(value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', path: [key], message });
    }
  })
  .optional();

export const ComponentInputSchema = z.object(
  {
    name: componentName('argocd'),
    namespace: componentName('argocd'),
    additions: AdditionsSchema,
  },
  { error: 'must be an object like {"name": "argocd", "namespace": "argocd", "additions": {}}' },
);
export type ComponentInput = z.infer<typeof ComponentInputSchema>;

const ComponentsListInputSchema = z
  .object(
    Object.fromEntries(
      CLIENT_COMPONENT_CATEGORIES.map((category) => [category, ComponentInputSchema.optional()]),
    ) as Record<ClientComponentCategory, z.ZodOptional<typeof ComponentInputSchema>>,
    { error: 'must be an object mapping a component category to {name, namespace, additions}' },
  )
  .optional();

export const SaveClusterBodyV04ShapeSchema = SaveClusterBodyShapeSchema.omit({
  argocd_host: true,
  tekton_host: true,
  traefik: true,
}).extend({ components_list: ComponentsListInputSchema });

export type SaveClusterBodyV04 = z.infer<typeof SaveClusterBodyV04ShapeSchema>;

export type SaveBodyV04Validation =
  { ok: true; body: SaveClusterBodyV04 } | { ok: false; fieldErrors: Record<string, string> };

/** `null` anywhere means "not set" to the server's decoder; `__proto__` is never copied. */
function dropNullsDeep(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || key === '__proto__') continue;
    out[key] = isPlainObject(v) ? dropNullsDeep(v) : v;
  }
  return out;
}

/**
 * Empty strings and empty objects left out, except an empty category inside `components_list`:
 * `{"gateway": {}}` still asks for that component, with its defaults.
 */
function withoutEmpty(value: Record<string, unknown>, keepEmptyChildren = false) {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === '') continue;
    if (!isPlainObject(v)) {
      out[key] = v;
      continue;
    }
    const cleaned = withoutEmpty(v, key === 'components_list');
    if (Object.keys(cleaned).length > 0 || keepEmptyChildren) out[key] = cleaned;
  }
  return out;
}

function normalizeV04(body: SaveClusterBodyV04): SaveClusterBodyV04 {
  const out = withoutEmpty(body) as SaveClusterBodyV04;
  if (out.cluster_type === 'virtual') delete out.kubeconfig;
  return out;
}

/**
 * Validates a v0.4 save body: the shape, the rules both generations share, and the v0.4 rule
 * that every reserved namespace is the namespace of one of the cluster's components (after
 * the server's defaults, server-added components included).
 */
export function validateSaveBodyV04(
  input: unknown,
  options: SaveBodyOptions = {},
): SaveBodyV04Validation {
  if (!isPlainObject(input)) return notAnObject();
  const cleaned = dropNullsDeep(input);
  const shape = SaveClusterBodyV04ShapeSchema.safeParse(cleaned);
  const fieldErrors: Record<string, string> = {};
  addShapeIssues(fieldErrors, shape.error?.issues ?? []);
  for (const issue of saveBodyRuleIssues(cleaned, options)) {
    addError(fieldErrors, issue.path, issue.message);
  }
  if (shape.success) {
    const components = applyComponentDefaults('cluster', shape.data);
    const reserved = shape.data.reserved_namespaces_allowed_products;
    for (const problem of reservedNamespaceProblems(reserved, components)) {
      addError(
        fieldErrors,
        `reserved_namespaces_allowed_products.${problem.namespace}`,
        problem.message,
      );
    }
  }
  if (shape.success && Object.keys(fieldErrors).length === 0) {
    return { ok: true, body: normalizeV04(shape.data) };
  }
  return { ok: false, fieldErrors };
}

export function validateSaveRequestV04(
  clusterName: string,
  input: unknown,
  options: SaveBodyOptions = {},
): SaveBodyV04Validation {
  return withRequestRules(clusterName, validateSaveBodyV04(input, options));
}

/**
 * A validated v0.4 body with the server's defaults: the primary domain as in v0.3, the
 * vcluster port for virtual clusters, and the whole components list.
 */
export interface DefaultedSaveBodyV04 extends Omit<SaveClusterBodyV04, 'components_list'> {
  components_list: ComponentsList;
}

/** The v0.4 server's defaults on a validated body; never changes a value the user gave. */
export function applyDefaultsV04(
  clusterName: string,
  body: SaveClusterBodyV04,
): DefaultedSaveBodyV04 {
  const out: DefaultedSaveBodyV04 = { ...body, components_list: {} };
  if (out.primary_domain === undefined || out.primary_domain === '') {
    const domain = defaultPrimaryDomain(body.api_server);
    if (domain === undefined) delete out.primary_domain;
    else out.primary_domain = domain;
  }
  if (body.cluster_type === 'virtual' && !body.vcluster?.https_node_port) {
    const port = defaultVclusterHttpsNodePort(body.api_server);
    if (port !== undefined) out.vcluster = { ...body.vcluster, https_node_port: port };
  }
  out.components_list = applyComponentDefaults(clusterName, {
    ...body,
    primary_domain: out.primary_domain,
  });
  return out;
}
