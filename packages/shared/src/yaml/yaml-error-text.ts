import type { YAMLError } from 'yaml';

/**
 * What went wrong in a user's YAML, said without quoting it. The yaml parser's own messages
 * quote the input ("unexpected scalar token in YAML stream: \"…\"", "Unresolved alias: *…",
 * "block scalar header includes extra characters: |…"), and the input may be a kubeconfig
 * full of credentials: they are never passed on. Both readers of user YAML (the kubeconfig
 * and the Nautes CLI cluster file) describe errors here.
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
  BAD_ALIAS: 'an alias (*name) has no matching anchor; write the values out instead of aliases',
  ALIAS_PROPS: 'an alias (*name) carries a tag or anchor; write the values out instead of aliases',
  MULTIPLE_ANCHORS: 'a value has two anchors (&name); remove the anchors',
  MULTIPLE_TAGS: 'a value has two tags (!tag); remove the tags',
  BAD_PROP_ORDER: 'a tag or anchor is out of place; remove the tags and anchors',
  BAD_DIRECTIVE: 'a "%" directive is not valid; remove the directive lines',
  TAG_RESOLVE_FAILED: 'a tag (!tag) is not known; remove the tags',
  NON_STRING_KEY: 'a key is not a plain text key; check the indentation and colons there',
  BAD_COLLECTION_TYPE: 'a collection does not match its tag; remove the tags',
  UNEXPECTED_TOKEN: 'something unexpected is there (a stray character, colon or indentation)',
};

export const TOO_DEEP_REASON = 'it is nested far too deeply';

/** A fixed reason for a parser error, chosen by its code (never its message's text). */
export function describeYamlError(error: YAMLError): string {
  if (/call stack/i.test(error.message)) return TOO_DEEP_REASON;
  return (
    YAML_ERROR_REASONS[error.code] ??
    'it cannot be read there; check the indentation, colons and quotes'
  );
}

/** The 1-based line and column of an offset in the text. */
export function lineColumnAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
