import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  publicUrl: string;
  gitlabUrl: string;
}

/**
 * The headers do not depend on the request, so helmet runs once and every response gets its
 * result: fifteen middleware calls per request cost more than the proxying they guard. Names
 * are set in lower case (header names are case-insensitive): Node lower-cases every name it is
 * given, twice per header and response, which for a mixed-case name makes a new string.
 */
export function securityHeaderSetter(
  options: SecurityHeaderOptions,
): (res: ServerResponse) => void {
  const headers = headersOf(helmetFor(options)).map(
    ([name, value]) => [name.toLowerCase(), value] as const,
  );
  return (res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
  };
}

/**
 * helmet with a CSP that allows no inline script (the SPA is built to files), no framing,
 * requests only to ourselves, and images from ourselves, data: URLs and GitLab (avatars).
 * HSTS and upgrade-insecure-requests only when the console is served over https.
 */
function helmetFor(options: SecurityHeaderOptions) {
  const https = new URL(options.publicUrl).protocol === 'https:';
  const gitlabOrigin = new URL(options.gitlabUrl).origin;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', gitlabOrigin],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}

/** Runs helmet on a recording response and returns the headers it set, in order. */
function headersOf(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.set(name, String(value));
      return recorder;
    },
    removeHeader: (name: string) => headers.delete(name),
  };
  let called = false;
  middleware(
    { headers: {}, method: 'GET', url: '/' } as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error instanceof Error ? error : new Error('helmet failed');
      called = true;
    },
  );
  if (!called) throw new Error('helmet did not finish synchronously');
  return [...headers];
}

export const NO_STORE = 'no-store';

/** API and auth answers hold personal data and must never be cached. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', NO_STORE);
  next();
};
