/**
 * The limits on YAML a user hands us (a kubeconfig, a Nautes CLI cluster file), checked by
 * linear scans of the text BEFORE the parser sees it, so that no input can keep the parser
 * busy for long or expand without bound. Both readers call {@link firstYamlLimitBreach}; only
 * the number of documents they accept differs.
 *
 * - Size: at most MAX_YAML_BYTES of UTF-8.
 * - Documents: the `---` markers (and a first document without one) are counted by a scan of
 *   line starts, so a file of 10,000 separators is refused without parsing any of them.
 * - Deep nesting: the parser slows down badly on thousands of nested `[` or `- - -`, or a
 *   staircase of indentation; a kubeconfig or cluster file nests a handful of levels.
 * - Many small nodes: the parser spends 10-40 µs per node, so 1 MiB of short lines (`- a`,
 *   `k: v`, `!t x`) keeps it busy for seconds. A count of the characters that start a node or
 *   separate entries is checked against MAX_YAML_NODES; long scalars (certificate data) count
 *   nothing. One cluster document with its kubeconfig counts about 75, so 100 fit.
 * - Long double-quoted scalars (or an unclosed `"` running to the end): resolved at about 1 µs
 *   a character, so one longer than MAX_YAML_QUOTED_LENGTH is refused.
 * - Aliases: MAX_YAML_ALIASES is passed to yaml's `toJS({ maxAliasCount })`, which stops a
 *   "billion laughs" while the document is converted.
 *
 * A breach carries an offset (for a line and column) but never an excerpt of the text: the
 * text may hold credentials.
 */

export const MAX_YAML_BYTES = 1024 * 1024;
export const MAX_YAML_NODES = 10_000;
/** A real kubeconfig or cluster file has no aliases; a few are tolerated. */
export const MAX_YAML_ALIASES = 100;
/** Flow collections (`[`, `{`) nest one or two levels deep in what we read. */
export const MAX_YAML_FLOW_DEPTH = 32;
/** Compact nesting on one line (`- - - x`, `? ? x`). */
const COMPACT_NESTING = /(?:[-?][ \t]+){32}/;
/** Block nesting shows as indentation: a few dozen columns at most. */
export const MAX_YAML_INDENT = 64;
/** Certificate data, the longest value we read, is a few KiB. */
export const MAX_YAML_QUOTED_LENGTH = 128 * 1024;

export type YamlLimitBreach =
  | { limit: 'bytes'; bytes: number }
  | { limit: 'documents'; documents: number; offset: number }
  | { limit: 'depth'; offset: number }
  | { limit: 'nodes' }
  | { limit: 'quoted'; offset: number };

/** The UTF-8 size of the text, counted without encoding it (the browser has no Buffer). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // Each half of a surrogate pair counts 2: the pair is 4 bytes.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** `---` or `...` at the start of a line, followed by a blank or the end of the line. */
function markerAt(text: string, start: number, char: number): boolean {
  if (
    text.charCodeAt(start) !== char ||
    text.charCodeAt(start + 1) !== char ||
    text.charCodeAt(start + 2) !== char
  )
    return false;
  const next = text.charCodeAt(start + 3);
  return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/**
 * The documents the parser would make, counted from line starts without parsing: each `---`
 * opens one, and so does content outside a document (before the first `---`, or after a
 * `...`). Comments, blank lines and directives (`%YAML`) open none. A `---` or `...` at the
 * start of a line ends any scalar in YAML, so lines of a block scalar cannot fool the count.
 * `offset` is where the document after the first `max` starts, if there is one.
 */
export function yamlDocumentCount(text: string, max: number): { count: number; offset?: number } {
  let count = 0;
  let open = false;
  let offset: number | undefined;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    let opens = false;
    if (markerAt(text, start, 0x2d)) {
      opens = true;
    } else if (markerAt(text, start, 0x2e)) {
      open = false;
    } else if (!open) {
      let i = start;
      while (i < lineEnd && /[ \t\r]/.test(text.charAt(i))) i++;
      const first = text.charCodeAt(i);
      // blank, comment or (at column 0) a directive
      opens = i < lineEnd && first !== 0x23 && !(first === 0x25 && i === start);
    }
    if (opens) {
      count += 1;
      open = true;
      if (count === max + 1) offset = start;
    }
    start = lineEnd + 1;
  }
  return offset === undefined ? { count } : { count, offset };
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

/** Characters after which a `"` opens a double-quoted scalar (approximately; errs long). */
function opensQuote(previous: number): boolean {
  // start of text, blank, line break, or a flow / block indicator: space tab \n \r : , [ { - ?
  return (
    Number.isNaN(previous) ||
    [0x20, 0x09, 0x0a, 0x0d, 0x3a, 0x2c, 0x5b, 0x7b, 0x2d, 0x3f].includes(previous)
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

/**
 * The first limit the text breaks, checked in this order (cheapest and most telling first),
 * or undefined when it may be parsed. `maxDocuments`: 1 for a kubeconfig, more for a file
 * of several clusters.
 */
export function firstYamlLimitBreach(
  text: string,
  options: { maxDocuments: number },
): YamlLimitBreach | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short texts need no counting.
  if (text.length * 3 > MAX_YAML_BYTES) {
    const bytes = utf8ByteLength(text);
    if (bytes > MAX_YAML_BYTES) return { limit: 'bytes', bytes };
  }
  const documents = yamlDocumentCount(text, options.maxDocuments);
  if (documents.offset !== undefined) {
    return { limit: 'documents', documents: documents.count, offset: documents.offset };
  }
  const deep = flowDepthOffset(text) ?? COMPACT_NESTING.exec(text)?.index ?? deepIndentOffset(text);
  if (deep !== undefined) return { limit: 'depth', offset: deep };
  if (yamlNodeEstimate(text, MAX_YAML_NODES) > MAX_YAML_NODES) return { limit: 'nodes' };
  const quoted = longQuotedOffset(text);
  if (quoted !== undefined) return { limit: 'quoted', offset: quoted };
  return undefined;
}
