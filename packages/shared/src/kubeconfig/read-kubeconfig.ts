import {
  MAX_YAML_ALIASES,
  MAX_YAML_BYTES,
  MAX_YAML_NODES,
  utf8ByteLength,
} from '../yaml/untrusted-yaml-limits';
import { parseUntrustedYaml } from './safe-yaml';

/** Kubeconfigs are small; anything larger is refused before it reaches the YAML parser. */
export const MAX_KUBECONFIG_BYTES = MAX_YAML_BYTES;

/**
 * Nodes (entries, lines, separators) a kubeconfig may have: one cluster, context and user
 * take about 25, so this allows hundreds of contexts while bounding the parse to well
 * under a second for any input up to 1 MiB.
 */
export const MAX_KUBECONFIG_NODES = MAX_YAML_NODES;

/** Aliases tolerated in a kubeconfig (a real one has none). */
export const MAX_KUBECONFIG_ALIASES = MAX_YAML_ALIASES;

export type KubeconfigEncoding = 'yaml' | 'base64';

export type ReadKubeconfigResult =
  | { ok: true; encoding: KubeconfigEncoding; text: string; value: Record<string, unknown> }
  | { ok: false; error: string; line?: number };

const BASE64_TEXT = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KUBECONFIG_KEY = /(^|\n)\s*(apiVersion|kind|clusters|contexts|users|current-context)\s*:/;

/** Base64 alphabet (standard and URL-safe) -> 6-bit value; -1 elsewhere. */
const BASE64_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[0x2d] = 62; // '-' (URL-safe)
  table[0x5f] = 63; // '_' (URL-safe)
  return table;
})();

function isBlank(code: number, char: string): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code >= 0x80 && /\s/.test(char);
}

/**
 * The 6-bit values of a single token of base64 characters (line breaks and other blanks
 * skipped, up to two `=` at the end), or undefined as soon as a character does not belong.
 * One pass, no intermediate strings: garbage of up to 1 MiB is rejected in milliseconds.
 */
function base64Values(input: string): Uint8Array | undefined {
  const values = new Uint8Array(input.length);
  let count = 0;
  let padding = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (isBlank(code, input.charAt(i))) continue;
    if (code === 0x3d) {
      padding += 1;
      if (padding > 2) return undefined;
      continue;
    }
    const value = code < 128 ? (BASE64_VALUES[code] ?? -1) : -1;
    if (value < 0 || padding > 0) return undefined;
    values[count++] = value;
  }
  return values.subarray(0, count);
}

function decodeBase64Values(values: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(Math.floor((values.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (const value of values) {
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, out);
}

/**
 * The YAML inside a base64 string, or undefined when the input is not base64 of a kubeconfig.
 * Only a single token of base64 characters (line breaks allowed) qualifies, so a YAML document
 * is never mistaken for base64.
 */
export function decodeBase64Kubeconfig(input: string): string | undefined {
  const values = base64Values(input);
  if (values === undefined || values.length < 8 || values.length % 4 === 1) return undefined;
  let text: string;
  try {
    // Most garbage fails UTF-8 within its first bytes: check a prefix before decoding it all.
    const prefix = values.subarray(0, Math.min(values.length - (values.length % 4), 4096));
    new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64Values(prefix), { stream: true });
    text = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64Values(values));
  } catch {
    return undefined;
  }
  return KUBECONFIG_KEY.test(text) ? text : undefined;
}

/** The kubeconfig as YAML text: decoded when it was base64, as given otherwise. */
export function kubeconfigText(input: string): string {
  return decodeBase64Kubeconfig(input) ?? input;
}

/** One or more lines of base64 alphabet only, long enough not to be a word. */
function looksLikeBase64(input: string): boolean {
  const lines = input.trim().split(/\r?\n/);
  return input.trim().length >= 24 && lines.every((line) => BASE64_TEXT.test(line.trim()));
}

/**
 * Reads a kubeconfig given as YAML or base64 of YAML into a plain object. Every failure is a
 * message a user can act on, with the line number for YAML syntax errors.
 */
export function readKubeconfig(input: string): ReadKubeconfigResult {
  if (utf8ByteLength(input) > MAX_KUBECONFIG_BYTES) {
    return {
      ok: false,
      error: `The kubeconfig is larger than 1 MiB; keep only the context for this cluster (kubectl config view --raw --minify).`,
    };
  }
  if (input.trim() === '') {
    return { ok: false, error: 'The kubeconfig is empty; paste its YAML or upload the file.' };
  }
  const decoded = decodeBase64Kubeconfig(input);
  const encoding: KubeconfigEncoding = decoded === undefined ? 'yaml' : 'base64';
  const text = decoded ?? input;
  const parsed = parseUntrustedYaml(text, 'The kubeconfig', {
    tooManyNodes: `The kubeconfig has too many lines and entries (more than ${MAX_KUBECONFIG_NODES}) for one cluster's kubeconfig; keep only the context for this cluster (kubectl config view --raw --minify).`,
  });
  if (!parsed.ok) {
    return encoding === 'base64'
      ? { ...parsed, error: `${parsed.error.replace(/\.$/, '')} (in the base64-decoded text).` }
      : parsed;
  }
  const value = parsed.value;
  if (typeof value === 'string' && looksLikeBase64(input)) {
    return {
      ok: false,
      error:
        'This looks like base64 but does not decode to a kubeconfig; paste the kubeconfig YAML itself, or base64 of the whole file.',
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      error:
        'This is not a kubeconfig: expected YAML with "clusters", "contexts" and "users", as "kubectl config view --raw" prints it.',
    };
  }
  return { ok: true, encoding, text, value: value as Record<string, unknown> };
}
