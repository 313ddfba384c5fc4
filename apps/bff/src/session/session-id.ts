import { timingSafeEqual } from 'node:crypto';
import { unsign } from 'cookie-signature';
import { sessionCookieValue } from './session-cookie';

/**
 * The session id a request's cookie carries, when its signature holds under one of `secrets`:
 * what express-session itself reads (the one cookie of that name, `s:` + signed id), for
 * code that needs the session without running express-session.
 */
export function signedSessionId(
  cookieHeader: string | undefined,
  cookieName: string,
  secrets: readonly string[],
): string | undefined {
  const signed = signedValueOf(cookieHeader, cookieName);
  return signed === undefined ? undefined : verify(signed, secrets);
}

/**
 * signedSessionId for every request of the API fast lane: checking a signature costs an HMAC
 * and two hashes, a fifth of what the BFF itself spends on such a request. A signed value is
 * a pure function of the id and the secret, so once a cookie's signature held, this remembers
 * the signed value per id and later compares the cookie with it in constant time, as the full
 * check does. Only ids whose signature held are remembered (a forged cookie adds nothing), at
 * most `maxEntries`, the least recently verified going first; a cookie that differs from the
 * remembered value gets the full check.
 */
export class SessionIdReader {
  private readonly signedById = new Map<string, Buffer>();

  constructor(
    private readonly cookieName: string,
    private readonly secrets: readonly string[],
    private readonly maxEntries: number,
  ) {}

  read(cookieHeader: string | undefined): string | undefined {
    const signed = signedValueOf(cookieHeader, this.cookieName);
    if (signed === undefined) return undefined;
    const id = signed.slice(0, signed.lastIndexOf('.'));
    const known = this.signedById.get(id);
    const given = Buffer.from(signed);
    if (known !== undefined && known.length === given.length && timingSafeEqual(known, given)) {
      return id;
    }
    const verified = verify(signed, this.secrets);
    if (verified !== undefined) this.remember(verified, given);
    return verified;
  }

  get size(): number {
    return this.signedById.size;
  }

  private remember(id: string, signed: Buffer): void {
    this.signedById.delete(id);
    this.signedById.set(id, signed);
    if (this.signedById.size > this.maxEntries) {
      const oldest = this.signedById.keys().next().value;
      if (oldest !== undefined) this.signedById.delete(oldest);
    }
  }
}

/** The cookie's signed id without its `s:` prefix, or undefined when there is none. */
function signedValueOf(cookieHeader: string | undefined, cookieName: string): string | undefined {
  const raw = sessionCookieValue(cookieHeader, cookieName);
  return raw?.startsWith('s:') ? raw.slice(2) : undefined;
}

function verify(signed: string, secrets: readonly string[]): string | undefined {
  for (const secret of secrets) {
    const id = unsign(signed, secret);
    if (id !== false) return id;
  }
  return undefined;
}
