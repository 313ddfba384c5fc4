import { isMap, isScalar, parseDocument, visit, type YAMLError } from 'yaml';

/**
 * Parsing YAML from an untrusted user, so that no input up to the size limit can keep the
 * parser busy for long or expand without bound.
 *
 * - Aliases: yaml's `maxAliasCount` stops "billion laughs" expansion.
 * - Deep nesting: refused by a linear scan before parsing (the parser slows down badly on
 *   thousands of nested `[` or `- - -`, or a staircase of indentation; a kubeconfig nests a
 *   handful of levels).
 * - Long double-quoted scalars (or an unclosed `"` running to the end): the parser resolves
 *   them slowly, so one longer than MAX_YAML_QUOTED_LENGTH is refused by a linear scan.
 * - Many small nodes: the parser spends 10-40 µs per node, so 1 MiB of short lines (`- a`,
 *   `k: v`, `!t x`) keeps it busy for seconds. A linear count of the characters that start a
 *   node or separate entries (line breaks, `,`, `[`, `{`, `:` + blank, `&`, `*`, `!`, `?`) is
 *   checked against `maxNodes` before parsing; long scalars (certificate data) count nothing.
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
/** Block nesting shows as indentation; a kubeconfig is indented a few dozen columns at most. */
export const MAX_YAML_INDENT = 64;
/**
 * The parser resolves double-quoted scalars at about 1 µs a character; certificate data, the
 * longest value in a kubeconfig, is a few KiB.
 */
export const MAX_YAML_QUOTED_LENGTH = 128 * 1024;

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

/**
 * An upper estimate of the nodes the parser would build, counted without parsing; stops
 * counting at `limit + 1`.
 */
export function yamlNodeEstimate(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; i++) {
    switch (text.charCodeAt(i)) {
      case 0x0a: // \n
      case 0x2c: // ,
      case 0x5b: // [
      case 0x7b: // {
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
      case 0x3f: // ?
        count += 1;
        break;
      case 0x3a: {
        // `:` ends a key only when a blank or the end follows
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0d) count += 1;
        break;
      }
      default:
        break;
    }
  }
  return count;
}

/** The offset of the first line indented more than MAX_YAML_INDENT columns, if any. */
function deepIndentOffset(text: string): number | undefined {
  let lineStart = 0;
  while (lineStart < text.length) {
    let i = lineStart;
    while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    if (i - lineStart > MAX_YAML_INDENT) return i;
    const end = text.indexOf('\n', i);
    if (end === -1) return undefined;
    lineStart = end + 1;
  }
  return undefined;
}

/** Characters after which a `"` opens a double-quoted scalar (approximately; errs long). */
function opensQuote(previous: number): boolean {
  // start of text, blank, line break, or a flow / block indicator
  return (
    Number.isNaN(previous) ||
    previous === 0x20 ||
    previous === 0x09 ||
    previous === 0x0a ||
    previous === 0x0d ||
    previous === 0x3a || // :
    previous === 0x2c || // ,
    previous === 0x5b || // [
    previous === 0x7b || // {
    previous === 0x2d || // -
    previous === 0x3f // ?
  );
}

/**
 * The offset of the first double-quoted scalar (or unclosed quote) longer than
 * MAX_YAML_QUOTED_LENGTH, found by a linear scan that skips comments and escapes.
 */
function longQuotedOffset(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const previous = text.charCodeAt(i - 1);
    if (c === 0x23 && (Number.isNaN(previous) || previous === 0x20 || previous === 0x0a)) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end;
    } else if (c === 0x22 && opensQuote(previous)) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22)
        j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j - i > MAX_YAML_QUOTED_LENGTH) return i;
      i = j;
    }
  }
  return undefined;
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

/**
 * A fixed explanation per kind of YAML error. The parser's own messages quote the input
 * ("unexpected scalar token in YAML stream: \"…\"", "block scalar header includes extra
 * characters: |…"), and the input is a kubeconfig full of credentials: they are never passed on.
 */
const YAML_ERROR_REASONS: Record<string, string> = {
  MULTIPLE_DOCS: 'it holds more than one YAML document (a second "---"); keep only one',
  TAB_AS_INDENT: 'tabs are not allowed for indentation; use spaces',
  DUPLICATE_KEY: 'a key appears twice in the same mapping; remove one of them',
  BAD_INDENT: 'the indentation does not line up; check the spaces at the start of the line',
  MISSING_CHAR: 'a closing quote or bracket is missing; check the quotes and brackets there',
  BAD_DQ_ESCAPE:
    'a double-quoted value has an invalid escape (a backslash); check the quotes there',
  BAD_SCALAR_START: 'a value starts with a character that needs quotes; quote the value',
  MULTILINE_IMPLICIT_KEY:
    'a key runs over more than one line; check the indentation and colons there',
  BLOCK_AS_IMPLICIT_KEY:
    'a key is followed by a nested block; check the indentation and colons there',
  BLOCK_IN_FLOW: 'a block is written inside brackets; check the indentation and brackets there',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  BAD_ALIAS: 'an alias (*name) has no matching anchor; export the kubeconfig without aliases',
  ALIAS_PROPS: 'an alias (*name) carries a tag or anchor; export the kubeconfig without aliases',
  MULTIPLE_ANCHORS: 'a value has two anchors (&name); export the kubeconfig without anchors',
  MULTIPLE_TAGS: 'a value has two tags (!tag); remove the tags',
  BAD_PROP_ORDER: 'a tag or anchor is out of place; remove the tags and anchors',
  BAD_DIRECTIVE: 'a "%" directive is not valid; remove the directive lines',
  TAG_RESOLVE_FAILED: 'a tag (!tag) is not known; remove the tags',
  NON_STRING_KEY: 'a key is not a plain text key; check the indentation and colons there',
  BAD_COLLECTION_TYPE: 'a collection does not match its tag; remove the tags',
  UNEXPECTED_TOKEN: 'something unexpected is there (a stray character, colon or indentation)',
};

function describe(error: YAMLError): string {
  if (/call stack/i.test(error.message)) return 'it is nested far too deeply for a kubeconfig';
  return (
    YAML_ERROR_REASONS[error.code] ??
    'it cannot be read there; check the indentation, colons and quotes'
  );
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
 * ("The kubeconfig"). With `maxNodes`, text that would build more nodes is refused before
 * the parser sees it (`tooManyNodes` is then the message). Never throws.
 */
export function parseUntrustedYaml(
  text: string,
  what: string,
  options: { maxNodes?: number; tooManyNodes?: string } = {},
): SafeYamlResult {
  const deep = flowDepthOffset(text) ?? COMPACT_NESTING.exec(text)?.index ?? deepIndentOffset(text);
  if (deep !== undefined) {
    return failure(what, text, deep, 'it is nested far too deeply for a kubeconfig');
  }
  const { maxNodes } = options;
  if (maxNodes !== undefined && yamlNodeEstimate(text, maxNodes) > maxNodes) {
    return {
      ok: false,
      error:
        options.tooManyNodes ??
        `${what} has too many entries and lines (more than ${maxNodes}) to be read safely.`,
    };
  }
  const longQuoted = longQuotedOffset(text);
  if (longQuoted !== undefined) {
    return failure(
      what,
      text,
      longQuoted,
      `a quoted value is longer than ${MAX_YAML_QUOTED_LENGTH / 1024} KiB (or its closing quote is missing)`,
    );
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
