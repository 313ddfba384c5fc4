/**
 * The values of a Cluster document, read one by one with notes: the issue type every error and
 * note has, and the readers of text, mappings and keys that the spec reader builds on.
 */
import type { Document, LineCounter } from 'yaml';
import { isPlainObject } from '../clusters/validate-save-body';
import { lineAt, sourceAt, yamlPathText, type YamlPath } from './yaml-locate';

/** An error or a note: a sentence naming what was wrong, with the path and line when known. */
export interface CliFileIssue {
  /** The key's path in the file, camelCase as written: `spec.traefik.httpNodePort`. */
  path?: string;
  /** 1-based line in the file. */
  line?: number;
  message: string;
}

export interface DocumentContext {
  doc: Document;
  lines: LineCounter;
  notes: CliFileIssue[];
}

export function issueAt(ctx: DocumentContext, path: YamlPath, message: string): CliFileIssue {
  const issue: CliFileIssue = { path: yamlPathText(path), message };
  const line = lineAt(ctx.doc, ctx.lines, path);
  if (line !== undefined) issue.line = line;
  return issue;
}

export function note(ctx: DocumentContext, path: YamlPath, message: string): void {
  ctx.notes.push(issueAt(ctx, path, message));
}

export function kindOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'text';
}

export const snakeToCamel = (key: string) =>
  key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** Notes every key of `value` that is not in `known`, suggesting the camelCase spelling. */
export function noteUnknownKeys(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
  known: readonly string[],
  what: string,
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const camel = snakeToCamel(key);
    const hint = camel !== key && known.includes(camel) ? ` (did you mean ${camel}?)` : '';
    note(
      ctx,
      [...path, key],
      `${yamlPathText([...path, key])} is not a key of ${what}${hint}; not imported.`,
    );
  }
}

/** A text value; numbers and booleans read as written (with a note), anything else refused. */
export function readText(ctx: DocumentContext, path: YamlPath, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  const where = yamlPathText(path);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    const written = sourceAt(ctx.doc, path) ?? String(value);
    const last = path[path.length - 1];
    const quoted = typeof last === 'string' ? `${last}: "${written}"` : `"${written}"`;
    note(
      ctx,
      path,
      `${where} is ${kindOfValue(value)} (${written}); read as the text "${written}". The clusters API takes only text: quote it in the file, ${quoted}.`,
    );
    return written;
  }
  note(ctx, path, `${where} is ${kindOfValue(value)}, but text is expected; not imported.`);
  return undefined;
}

/** A mapping, or undefined (with a note when it is something else). */
export function readMapping(
  ctx: DocumentContext,
  path: YamlPath,
  value: unknown,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isPlainObject(value)) return value;
  note(
    ctx,
    path,
    `${yamlPathText(path)} is ${kindOfValue(value)}, but a mapping is expected; not imported.`,
  );
  return undefined;
}

/** Keys of `{ fileKey: draftKey }`, read as text; undefined when none is set. */
export function readTextFields<K extends string>(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
  keys: Readonly<Record<string, K>>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [fileKey, draftKey] of Object.entries(keys)) {
    const text = readText(ctx, [...path, fileKey], value[fileKey]);
    if (text !== undefined) out[draftKey] = text;
  }
  return out;
}

/**
 * The entries of a mapping read from a file, without `__proto__` (noted): copying that key
 * into a plain object would set its prototype instead.
 */
export function safeEntries(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): [string, unknown][] {
  return Object.entries(value).filter(([key]) => {
    if (key !== '__proto__') return true;
    note(ctx, [...path, key], `${yamlPathText([...path, key])} is not a usable key; not imported.`);
    return false;
  });
}

/** `reservedNamespacesAllowedProducts`: namespace -> product names. */
export function readReserved(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [namespace, products] of safeEntries(ctx, path, value)) {
    const where = [...path, namespace];
    if (!Array.isArray(products)) {
      note(
        ctx,
        where,
        `${yamlPathText(where)} is ${kindOfValue(products)}, but a list of product names is expected; not imported.`,
      );
      continue;
    }
    out[namespace] = products
      .map((product, index) => readText(ctx, [...where, index], product))
      .filter((product): product is string => product !== undefined);
  }
  return out;
}

/** `productAllowedClusterResources`: product -> `{kind, group}` list. */
export function readResources(
  ctx: DocumentContext,
  path: YamlPath,
  value: Record<string, unknown>,
): Record<string, { kind: string; group: string }[]> {
  const out: Record<string, { kind: string; group: string }[]> = {};
  for (const [product, list] of safeEntries(ctx, path, value)) {
    const where = [...path, product];
    if (!Array.isArray(list)) {
      note(
        ctx,
        where,
        `${yamlPathText(where)} is ${kindOfValue(list)}, but a list of {kind, group} is expected; not imported.`,
      );
      continue;
    }
    out[product] = [];
    list.forEach((item: unknown, index) => {
      const itemPath = [...where, index];
      const ref = readMapping(ctx, itemPath, item);
      if (ref === undefined) return;
      noteUnknownKeys(ctx, itemPath, ref, ['kind', 'group'], 'a cluster resource');
      const kind = readText(ctx, [...itemPath, 'kind'], ref.kind) ?? '';
      const group = readText(ctx, [...itemPath, 'group'], ref.group) ?? '';
      out[product]?.push({ kind, group });
    });
  }
  return out;
}
