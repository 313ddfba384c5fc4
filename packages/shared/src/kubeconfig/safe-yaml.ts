import { isMap, isScalar, parseDocument, visit } from 'yaml';
import {
  firstYamlLimitBreach,
  MAX_YAML_ALIASES,
  MAX_YAML_NODES,
  MAX_YAML_QUOTED_LENGTH,
  type YamlLimitBreach,
} from '../yaml/untrusted-yaml-limits';
import { describeYamlError, lineColumnAt, TOO_DEEP_REASON } from '../yaml/yaml-error-text';

/**
 * Parsing one YAML document from an untrusted user (a kubeconfig), so that no input up to the
 * size limit can keep the parser busy for long or expand without bound: the limits are the
 * shared ones of `../yaml/untrusted-yaml-limits` (checked before parsing, one document), and
 * yaml's `maxAliasCount` stops "billion laughs" expansion. Duplicate keys are checked here in
 * linear time (yaml's own `uniqueKeys` check is quadratic in the size of a mapping). Errors
 * carry a line number but never an excerpt of the text, which may hold credentials.
 */

export { MAX_YAML_ALIASES } from '../yaml/untrusted-yaml-limits';

export type SafeYamlResult =
  { ok: true; value: unknown } | { ok: false; error: string; line?: number };

function failure(what: string, text: string, offset: number, reason: string): SafeYamlResult {
  const { line, col } = lineColumnAt(text, offset);
  return {
    ok: false,
    error: `${what} is not valid YAML at line ${line}, column ${col}: ${reason}.`,
    line,
  };
}

function breachFailure(
  what: string,
  text: string,
  breach: YamlLimitBreach,
  tooManyNodes: string | undefined,
): SafeYamlResult {
  switch (breach.limit) {
    case 'bytes':
      return { ok: false, error: `${what} is larger than 1 MiB.` };
    case 'documents':
      return failure(
        what,
        text,
        breach.offset,
        'it holds more than one YAML document (a second "---"); keep only one',
      );
    case 'depth':
      return failure(what, text, breach.offset, TOO_DEEP_REASON);
    case 'nodes':
      return {
        ok: false,
        error:
          tooManyNodes ??
          `${what} has too many entries and lines (more than ${MAX_YAML_NODES}) to be read safely.`,
      };
    case 'quoted':
      return failure(
        what,
        text,
        breach.offset,
        `a quoted value is longer than ${MAX_YAML_QUOTED_LENGTH / 1024} KiB (or its closing quote is missing)`,
      );
  }
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
 * ("The kubeconfig"); `tooManyNodes` is the message when it has more nodes than the shared
 * limit. Never throws.
 */
export function parseUntrustedYaml(
  text: string,
  what: string,
  options: { tooManyNodes?: string } = {},
): SafeYamlResult {
  const breach = firstYamlLimitBreach(text, { maxDocuments: 1 });
  if (breach !== undefined) return breachFailure(what, text, breach, options.tooManyNodes);
  try {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    const first = doc.errors[0];
    if (first !== undefined) return failure(what, text, first.pos[0], describeYamlError(first));
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
