// A save request checked as a whole: its body's shape and rules, then the path segment's rules.
import { validateClusterName } from './cluster-name';
import {
  normalizeSaveBody,
  SaveClusterBodyShapeSchema,
  type SaveClusterBody,
} from './save-body.schema';
import { saveBodyRuleIssues, type SaveBodyOptions } from './save-body-rules';

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

/** The shape's issues, keyed by their field's path (`body` for the body as a whole). */
export function addShapeIssues(
  errors: Record<string, string>,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): void {
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    addError(errors, path === '' ? 'body' : path, issue.message);
  }
}

/** The answer to a body that is not a JSON object, in either API generation. */
export function notAnObject(): { ok: false; fieldErrors: Record<string, string> } {
  return {
    ok: false,
    fieldErrors: {
      body: 'Send the cluster as a JSON object, e.g. {"api_server": "https://203.0.113.10:6443", ...}.',
    },
  };
}

/**
 * Validates a save request body. On failure every offending field is reported at once, keyed
 * by its path (`traefik.https_node_port`); a body that is not a JSON object is keyed `body`.
 */
export function validateSaveBody(
  input: unknown,
  options: SaveBodyOptions = {},
): SaveBodyValidation {
  if (!isPlainObject(input)) return notAnObject();
  const cleaned = dropNulls(input);
  // Shape and rules separately rather than through the combined schema: the rules then run
  // even when a field has the wrong type (every problem is reported at once), and the
  // kubeconfig is parsed only once.
  const shape = SaveClusterBodyShapeSchema.safeParse(cleaned);
  const ruleIssues = saveBodyRuleIssues(cleaned, options);
  if (shape.success && ruleIssues.length === 0)
    return { ok: true, body: normalizeSaveBody(shape.data) };
  const fieldErrors: Record<string, string> = {};
  addShapeIssues(fieldErrors, shape.error?.issues ?? []);
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
