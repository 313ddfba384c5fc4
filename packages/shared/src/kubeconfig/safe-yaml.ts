import { isMap, isScalar, parseDocument, visit, type YAMLError } from 'yaml';

/**
 * Parsing YAML from an untrusted user, so that no input up to the size limit can keep the
 * parser busy for long or expand without bound.
 *
 * - Aliases: yaml's `maxAliasCount` stops "billion laughs" expansion.
 * - Deep nesting: refused by a linear scan before parsing (the parser slows down badly on
 *   thousands of nested `[` or `- - -`; a kubeconfig nests a handful of levels).
 * - Duplicate keys: checked here in linear time (yaml's own `uniqueKeys` check is quadratic in
 *   the size of a mapping).
 * - Errors carry a line number but never an excerpt of the text, which may hold credentials.
 */

/** A real kubeconfig has no aliases; a few are tolerated. */
export const MAX_YAML_ALIASES = 100;
/** Flow collections (`[`, `{`) in a kubeconfig nest one or two levels deep. */
export const MAX_YAML_FLOW_DEPTH = 32;
/** Compact nesting on one line (`- - - x`, `? ? x`). */
const COMPACT_NESTING = /(?:[-?][ \t]+){32}/;

export type SafeYamlResult =
  { ok: true; value: unknown } | { ok: false; error: string; line?: number };

function lineAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function flowDepthOffset(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > MAX_YAML_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

function describe(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'it holds more than one YAML document (a second "---"); keep only one';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation; use spaces';
    case 'DUPLICATE_KEY':
      return 'a key appears twice in the same mapping; remove one of them';
    default: {
      if (/call stack/i.test(error.message)) return 'it is nested far too deeply for a kubeconfig';
      const first = error.message.split('\n')[0] ?? error.message;
      const reason = first.replace(/ at line \d+, column \d+:?$/, '');
      return `${reason.charAt(0).toLowerCase()}${reason.slice(1)}; check the indentation and quotes there`;
    }
  }
}

function failure(what: string, text: string, offset: number, reason: string): SafeYamlResult {
  const { line, col } = lineAt(text, offset);
  return {
    ok: false,
    error: `${what} is not valid YAML at line ${line}, column ${col}: ${reason}.`,
    line,
  };
}

/** The offset of the first key that repeats within its mapping, if any. */
function duplicateKeyOffset(doc: ReturnType<typeof parseDocument>): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          found = key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Parses one YAML document into plain JS values. `what` names the text in messages
 * ("The kubeconfig"). Never throws.
 */
export function parseUntrustedYaml(text: string, what: string): SafeYamlResult {
  const deep = flowDepthOffset(text) ?? COMPACT_NESTING.exec(text)?.index;
  if (deep !== undefined) {
    return failure(what, text, deep, 'it is nested far too deeply for a kubeconfig');
  }
  try {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    const first = doc.errors[0];
    if (first !== undefined) return failure(what, text, first.pos[0], describe(first));
    const duplicate = duplicateKeyOffset(doc);
    if (duplicate !== undefined) {
      return failure(
        what,
        text,
        duplicate,
        'a key appears twice in the same mapping; remove one of them',
      );
    }
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    // yaml throws ReferenceError when aliases expand too much; deep nesting can exhaust the stack.
    if (error instanceof ReferenceError) {
      return {
        ok: false,
        error: `${what} uses too many YAML aliases (a pattern used to exhaust servers); export it again without anchors and aliases.`,
      };
    }
    return { ok: false, error: `${what} is nested far too deeply to be read as YAML.` };
  }
}
