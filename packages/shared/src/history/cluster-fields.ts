/**
 * The pure half of a cluster's history: a Cluster file (v0.3 `argocdHost`/`tektonHost`/
 * `traefik`, or v0.4 `componentsList`) flattened to dotted field paths, two of them compared,
 * and a commit's change classified. Values under a key named like a secret never leave here.
 */
import { parse } from 'yaml';
import { categoryToCamel } from '../clusters/components-case';
import { COMPONENT_CATEGORIES } from '../clusters/components';
import type { ChangeKind, FieldChange } from './history.schema';

/** What a secret's value is replaced with: the field shows it is there, never what it is. */
export const REDACTED = '[redacted]';

/** Keys whose values are never shown: kubeconfig, tokens, passwords, secrets, keys. */
const SECRET_KEY =
  /kubeconfig|token|passw(or)?d|secret|credential|private[-_]?key|key[-_]?data|^key$|cert/i;

/** Component categories are names, not secrets (`secretSync` is External Secrets, not a secret). */
const NAMED_CATEGORIES = new Set(
  COMPONENT_CATEGORIES.flatMap((category) => [category, categoryToCamel(category)]),
);

export function isSecretKey(key: string): boolean {
  return !NAMED_CATEGORIES.has(key) && SECRET_KEY.test(key);
}

/** Field path -> value as text; absent and empty values are left out. */
export type ClusterFields = Record<string, string>;

export type ParsedClusterFile = { ok: true; fields: ClusterFields } | { ok: false; reason: string };

function segment(path: string, key: string): string {
  const safe = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${safe}` : safe;
}

function flattenInto(out: ClusterFields, path: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => flattenInto(out, `${path}[${index}]`, item));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = segment(path, key);
      if (isSecretKey(key)) {
        if (child !== null && child !== undefined && child !== '') out[childPath] = REDACTED;
      } else {
        flattenInto(out, childPath, child);
      }
    }
    return;
  }
  if (value === '') return;
  out[path] = typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every leaf of a parsed object as `a.b[0].c`, secrets redacted. */
export function flattenFields(document: unknown): ClusterFields {
  const out: ClusterFields = {};
  flattenInto(out, '', document);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** A Cluster file's text flattened; `status` and `metadata.creationTimestamp` say nothing. */
export function parseClusterFile(text: string): ParsedClusterFile {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, reason: 'the file is not a YAML mapping' };
  }
  const fields = flattenFields(document);
  for (const key of Object.keys(fields)) {
    if (key === 'metadata.creationTimestamp' || key.startsWith('status.')) delete fields[key];
  }
  return { ok: true, fields };
}

/** The fields that differ, sorted by path; a field only on one side has null on the other. */
export function diffFields(before: ClusterFields, after: ClusterFields): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) =>
    a.localeCompare(b),
  );
  return keys
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
    .filter((change) => change.before !== change.after);
}

/** A commit that touched the file: absent before -> created, absent after -> deleted. */
export function classifyChange(existedBefore: boolean, existsAfter: boolean): ChangeKind {
  if (!existedBefore && existsAfter) return 'created';
  if (existedBefore && !existsAfter) return 'deleted';
  return 'updated';
}

/** The fields a commit changed, from the file's text before and after (undefined: absent). */
export function clusterFileChange(
  before: string | undefined,
  after: string | undefined,
): { change: ChangeKind; fields: FieldChange[] } {
  const read = (text: string | undefined) => {
    if (text === undefined) return {};
    const parsed = parseClusterFile(text);
    return parsed.ok ? parsed.fields : {};
  };
  return {
    change: classifyChange(before !== undefined, after !== undefined),
    fields: diffFields(read(before), read(after)),
  };
}
