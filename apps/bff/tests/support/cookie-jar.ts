/**
 * A small browser-like cookie jar for tests that drive the sign-in over HTTP. Cookies are
 * host-only and, as in browsers, not isolated by port: 127.0.0.1:3000 and 127.0.0.1:8929
 * share a jar, so name clashes between the BFF and the local GitLab would show up here.
 */
export interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  expiresAt: number | undefined;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | undefined;
  /** The Set-Cookie line as received, for flag assertions. */
  raw: string;
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  /** Stores every Set-Cookie of a response received from `url`. */
  store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) this.storeOne(url, line);
  }

  /** The Cookie header a browser would send to `url`, or undefined. */
  header(url: URL): string | undefined {
    const now = Date.now();
    this.cookies = this.cookies.filter(
      (cookie) => cookie.expiresAt === undefined || cookie.expiresAt > now,
    );
    const matching = this.cookies.filter(
      (cookie) =>
        cookie.host === url.hostname &&
        (url.pathname === cookie.path ||
          url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)) &&
        (!cookie.secure ||
          url.protocol === 'https:' ||
          url.hostname === '127.0.0.1' ||
          url.hostname === 'localhost'),
    );
    return matching.length > 0
      ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
      : undefined;
  }

  get(name: string): StoredCookie | undefined {
    return this.cookies.find((cookie) => cookie.name === name);
  }

  all(): StoredCookie[] {
    return [...this.cookies];
  }

  delete(name: string): void {
    this.cookies = this.cookies.filter((cookie) => cookie.name !== name);
  }

  private storeOne(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    const cookie: StoredCookie = {
      name: pair.slice(0, equals).trim(),
      value: pair.slice(equals + 1).trim(),
      host: url.hostname,
      path: '/',
      expiresAt: undefined,
      secure: false,
      httpOnly: false,
      sameSite: undefined,
      raw: line,
    };
    for (const attribute of attributes) {
      const [rawKey = '', ...rest] = attribute.split('=');
      const key = rawKey.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'path' && value.startsWith('/')) cookie.path = value;
      else if (key === 'max-age') cookie.expiresAt = Date.now() + Number(value) * 1000;
      else if (key === 'expires' && cookie.expiresAt === undefined)
        cookie.expiresAt = Date.parse(value);
      else if (key === 'secure') cookie.secure = true;
      else if (key === 'httponly') cookie.httpOnly = true;
      else if (key === 'samesite') cookie.sameSite = value;
    }
    this.cookies = this.cookies.filter(
      (existing) =>
        !(
          existing.name === cookie.name &&
          existing.host === cookie.host &&
          existing.path === cookie.path
        ),
    );
    if (cookie.expiresAt === undefined || cookie.expiresAt > Date.now()) this.cookies.push(cookie);
  }
}
