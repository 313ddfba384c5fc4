import { MAX_YAML_ALIASES, parseUntrustedYaml } from './safe-yaml';

/** Kubeconfigs are small; anything larger is refused before it reaches the YAML parser. */
export const MAX_KUBECONFIG_BYTES = 1024 * 1024;

/** Aliases tolerated in a kubeconfig (a real one has none). */
export const MAX_KUBECONFIG_ALIASES = MAX_YAML_ALIASES;

export type KubeconfigEncoding = 'yaml' | 'base64';

export type ReadKubeconfigResult =
  | { ok: true; encoding: KubeconfigEncoding; text: string; value: Record<string, unknown> }
  | { ok: false; error: string; line?: number };

function utf8Length(text: string): number {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short inputs need no encoding.
  if (text.length * 3 <= MAX_KUBECONFIG_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

const BASE64_TEXT = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KUBECONFIG_KEY = /(^|\n)\s*(apiVersion|kind|clusters|contexts|users|current-context)\s*:/;

/**
 * The YAML inside a base64 string, or undefined when the input is not base64 of a kubeconfig.
 * Only a single token of base64 characters (line breaks allowed) qualifies, so a YAML document
 * is never mistaken for base64.
 */
export function decodeBase64Kubeconfig(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '');
  if (compact.length < 8 || !BASE64_TEXT.test(compact)) return undefined;
  const standard = compact.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (standard.length % 4 === 1) return undefined;
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  let text: string;
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
  if (utf8Length(input) > MAX_KUBECONFIG_BYTES) {
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
  const parsed = parseUntrustedYaml(text, 'The kubeconfig');
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
