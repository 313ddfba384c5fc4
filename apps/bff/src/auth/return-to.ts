const FALLBACK = '/';
const BASE = 'http://return-to.invalid';

/**
 * Where to send the browser after sign-in: only a path of this console. Anything else (an
 * absolute or protocol-relative URL, `/\evil`, control characters, the auth routes that would
 * loop back into sign-in) becomes `/`. Checked before and after URL normalisation, because
 * `/.//evil.example` normalises to `//evil.example`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return FALLBACK;
  if (!isLocalPath(value) || value.includes('\\') || hasControlCharacter(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (!isLocalPath(normalised)) return FALLBACK;
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return FALLBACK;
  return normalised;
}

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function isLocalPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}
