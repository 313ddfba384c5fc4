/**
 * The pure half of a cluster's history: a Cluster file (v0.3 `argocdHost`/`tektonHost`/
 * `traefik`, or v0.4 `componentsList`) flattened to dotted field paths, two of them compared,
 * and a commit's change classified. Values under a key named like a secret never leave here.
 */
import { parse } from 'yaml';
import type { ChangeKind, FieldChange } from './history.schema';
import { isSecretPath, REDACTED } from './redaction';

/**
 * Field path -> value as text; absent and empty values are left out. Built without a
 * prototype, so that keys such as `constructor`, `toString` or `__proto__` are plain fields.
 */
export type ClusterFields = Record<string, string>;

export type ParsedClusterFile = { ok: true; fields: ClusterFields } | { ok: false; reason: string };

function segment(path: string, key: string): string {
  const safe = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${safe}` : safe;
}

function flattenInto(
  out: Map<string, string>,
  path: string,
  keys: readonly string[],
  value: unknown,
): void {
  if (value === null || value === undefined || value === '') return;
  if (keys.length > 0 && isSecretPath(keys)) {
    out.set(path, REDACTED);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => flattenInto(out, `${path}[${index}]`, keys, item));
    return;
  }
  if (typeof value === 'object') {
    // Own keys only (yaml gives `__proto__` as an own key), never an inherited one.
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      flattenInto(out, segment(path, key), [...keys, key], child);
    }
    return;
  }
  out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
}

/** Fields from entries, in a record without a prototype. */
function fieldsOf(entries: Iterable<[string, string]>): ClusterFields {
  const fields = Object.create(null) as ClusterFields;
  for (const [key, value] of entries) fields[key] = value;
  return fields;
}

/** Every leaf of a parsed object as `a.b[0].c`, secrets redacted, sorted by path. */
export function flattenFields(document: unknown): ClusterFields {
  const out = new Map<string, string>();
  flattenInto(out, '', [], document);
  return fieldsOf([...out].sort(([a], [b]) => a.localeCompare(b)));
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
  const fields = fieldsOf(
    Object.entries(flattenFields(document)).filter(
      ([key]) =>
        key !== 'metadata.creationTimestamp' && key !== 'status' && !key.startsWith('status.'),
    ),
  );
  return { ok: true, fields };
}

/** The fields that differ, sorted by path; a field only on one side has null on the other. */
export function diffFields(before: ClusterFields, after: ClusterFields): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) =>
    a.localeCompare(b),
  );
  // Own fields only: `constructor` or `toString` absent on one side is null, not a function.
  const value = (fields: ClusterFields, field: string) =>
    Object.hasOwn(fields, field) ? (fields[field] ?? null) : null;
  return keys
    .map((field) => ({ field, before: value(before, field), after: value(after, field) }))
    .filter((change) => change.before !== change.after);
}

/** A commit that touched the file: absent before -> created, absent after -> deleted. */
export function classifyChange(existedBefore: boolean, existsAfter: boolean): ChangeKind {
  if (!existedBefore && existsAfter) return 'created';
  if (existedBefore && !existsAfter) return 'deleted';
  return 'updated';
}

/** A Cluster file's fields for a history diff: none when it cannot be read as a mapping. */
export function clusterFileFields(text: string): ClusterFields {
  const parsed = parseClusterFile(text);
  return parsed.ok ? parsed.fields : fieldsOf([]);
}

/** The change between two versions' fields (undefined: the file is absent). */
export function clusterFieldsChange(
  before: ClusterFields | undefined,
  after: ClusterFields | undefined,
): { change: ChangeKind; fields: FieldChange[] } {
  return {
    change: classifyChange(before !== undefined, after !== undefined),
    fields: diffFields(before ?? fieldsOf([]), after ?? fieldsOf([])),
  };
}

/** The fields a commit changed, from the file's text before and after (undefined: absent). */
export function clusterFileChange(
  before: string | undefined,
  after: string | undefined,
): { change: ChangeKind; fields: FieldChange[] } {
  const read = (text: string | undefined) =>
    text === undefined ? undefined : clusterFileFields(text);
  return clusterFieldsChange(read(before), read(after));
}
