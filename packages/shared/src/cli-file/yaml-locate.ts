/**
 * Where a value sits in a parsed YAML document: its line (1-based) and, for a scalar, its
 * source text as written (`30080`, `1.10`, `true`), so a number can be read as the text the
 * user typed rather than as JavaScript re-prints it.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** `spec.componentsList.gateway.additions.httpNodePort`, `...resources.p[0].kind`. */
export function yamlPathText(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

interface Located {
  /** The key of the innermost pair (or the sequence item) on the path. */
  keyNode?: unknown;
  /** The value at the path, when the whole path was found. */
  valueNode?: unknown;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** Follows the path through maps, sequences and aliases; the last matching pair wins. */
export function locate(doc: Document, path: YamlPath): Located {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.findLast((item) => keyText(item.key) === String(segment));
      if (pair === undefined) return { keyNode };
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyNode = node;
    } else {
      return { keyNode };
    }
  }
  return { keyNode, valueNode: node };
}

function startOf(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: [number, number, number] | null }).range;
  return range?.[0];
}

/** The 1-based line of the key at `path` (or of the nearest enclosing key found). */
export function lineAt(doc: Document, lines: LineCounter, path: YamlPath): number | undefined {
  const { keyNode, valueNode } = locate(doc, path);
  const offset = startOf(keyNode) ?? startOf(valueNode);
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** A scalar's source text as written in the file, when it is a scalar. */
export function sourceAt(doc: Document, path: YamlPath): string | undefined {
  let { valueNode } = locate(doc, path);
  if (isAlias(valueNode)) valueNode = valueNode.resolve(doc);
  return isScalar(valueNode) && typeof valueNode.source === 'string' ? valueNode.source : undefined;
}

export function lineOfOffset(lines: LineCounter, offset: number): number {
  return lines.linePos(offset).line;
}
