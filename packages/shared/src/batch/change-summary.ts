/**
 * What saving a cluster from a file would change against what is registered now: new, the
 * fields that differ, or unchanged. Compared field by field as the history compares Cluster
 * files (secrets redacted: a kubeconfig is never shown, only that one is sent). A field the
 * file leaves out is left to the server's default and not listed.
 */
import type { ClusterView } from '../clusters/generations';
import { diffFields, flattenFields } from '../history/cluster-fields';
import type { FieldChange } from '../history/history.schema';

export type ChangeSummary =
  | { kind: 'new'; kubeconfig: boolean }
  | { kind: 'changed'; fields: FieldChange[]; kubeconfig: boolean }
  | { kind: 'unchanged'; kubeconfig: boolean };

/** A save body (either generation) in the view's terms: `components_list` is `components`. */
function bodyFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'kubeconfig' || key === 'name' || value === undefined) continue;
    if (key === 'components_list' && value && typeof value === 'object') {
      fields.components = Object.fromEntries(
        Object.entries(value).filter(([, component]) => component !== null),
      );
    } else {
      fields[key] = value;
    }
  }
  return fields;
}

export function summarizeChange(
  body: Record<string, unknown>,
  registered: ClusterView | undefined,
): ChangeSummary {
  const kubeconfig = typeof body.kubeconfig === 'string' && body.kubeconfig !== '';
  if (!registered) return { kind: 'new', kubeconfig };
  const next = bodyFields(body);
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    if (Object.hasOwn(registered, key)) now[key] = registered[key as keyof ClusterView];
  }
  const fields = diffFields(flattenFields(now), flattenFields(next));
  return fields.length > 0
    ? { kind: 'changed', fields, kubeconfig }
    : { kind: 'unchanged', kubeconfig };
}
