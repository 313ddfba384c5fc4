import { CHECK_TEXTS_EN } from './check-texts-en';

/** A param of a check text: a value to show, or (`<name>_code`) the key of words to show. */
export type CheckParams = Record<string, string | number>;

/** What a connection check result, note or request problem says, as a code and its params. */
export interface CheckText {
  /** A key of CHECK_TEXTS_EN, e.g. `tls.ok`: stable, for a reader's own words. */
  code: string;
  params: CheckParams;
}

/** Looks `key` up in one language with `values` filled in; undefined when it has no such key. */
export type Translate = (key: string, values: CheckParams) => string | undefined;

const CODE_SUFFIX = '_code';

/**
 * A check text in one language. Each `<name>_code` param is put into words first (with the
 * other params) and fills `{{name}}`; `denied` (permission keys, comma-separated) fills
 * `{{words}}` and `{{fails}}`. Undefined when the language lacks a key: the reader then shows
 * the English `message` the answer carries.
 */
export function checkText(text: CheckText, translate: Translate): string | undefined {
  return render(text.code, text.params, translate);
}

function render(key: string, params: CheckParams, translate: Translate): string | undefined {
  const values: CheckParams = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (!name.endsWith(CODE_SUFFIX) || typeof value !== 'string') continue;
    const rest = { ...params };
    delete rest[name];
    const words = render(value, rest, translate);
    if (words === undefined) return undefined;
    values[name.slice(0, -CODE_SUFFIX.length)] = words;
  }
  if (typeof params.denied === 'string') {
    const lists = deniedLists(params.denied, translate);
    if (lists === undefined) return undefined;
    Object.assign(values, lists);
  }
  return translate(key, values);
}

function deniedLists(
  denied: string,
  translate: Translate,
): { words: string; fails: string } | undefined {
  const keys = denied.split(',').filter((key) => key !== '');
  const words = keys.map((key) => translate(`permission_words.${key}`, {}));
  const fails = keys.map((key) => translate(`permission_fails.${key}`, {}));
  const wordSeparator = translate('separators.words', {});
  const clauseSeparator = translate('separators.clauses', {});
  if ([...words, ...fails, wordSeparator, clauseSeparator].includes(undefined)) return undefined;
  return { words: words.join(wordSeparator), fails: fails.join(clauseSeparator) };
}

/** `{{name}}` in a template, as i18next writes it. */
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Looks a dotted key up in a nested table of templates. */
export function templateAt(table: unknown, key: string): string | undefined {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Words from a nested table of templates in one language (CHECK_TEXTS_EN, or a locale's copy of
 * its keys): a placeholder without a value (an optional part, such as `carried`) is left empty.
 */
export function translateFrom(table: unknown): Translate {
  return (key, values) =>
    templateAt(table, key)?.replace(PLACEHOLDER, (_match, name: string) =>
      String(values[name] ?? ''),
    );
}

/** The English words of CHECK_TEXTS_EN: what the BFF writes as each `message`. */
export const translateEnglish: Translate = translateFrom(CHECK_TEXTS_EN);

/** A check text's English words; a code CHECK_TEXTS_EN lacks is a bug, so it throws. */
export function englishCheckText(text: CheckText): string {
  const words = checkText(text, translateEnglish);
  if (words === undefined) throw new Error(`no English words for the check text ${text.code}`);
  return words;
}

/** Every key of a nested table of templates, dotted (`tls.ok`), with its placeholders. */
export function templateKeys(table: unknown, prefix = ''): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  if (typeof table !== 'object' || table === null) return keys;
  for (const [name, value] of Object.entries(table)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') {
      keys.set(key, [...value.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort());
    } else {
      for (const [inner, names] of templateKeys(value, key)) keys.set(inner, names);
    }
  }
  return keys;
}

/**
 * A problem of the check's request on `field`, as error metadata: the English message under
 * the field's name (as every 400 of the console has it), and beside it `<field>.code` and
 * `<field>.param.<name>`, so that a reader can say it in its own words (checkTextOfField).
 */
export function checkTextMetadata(
  field: string,
  text: CheckText & { message: string },
): Record<string, string> {
  const metadata: Record<string, string> = { [field]: text.message, [`${field}.code`]: text.code };
  for (const [name, value] of Object.entries(text.params)) {
    metadata[`${field}.param.${name}`] = String(value);
  }
  return metadata;
}

/** The check text checkTextMetadata put on `field`; undefined when there is none. */
export function checkTextOfField(
  metadata: Record<string, string>,
  field: string,
): CheckText | undefined {
  const code = metadata[`${field}.code`];
  if (code === undefined) return undefined;
  const prefix = `${field}.param.`;
  const params: CheckParams = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key.startsWith(prefix)) params[key.slice(prefix.length)] = value;
  }
  return { code, params };
}
