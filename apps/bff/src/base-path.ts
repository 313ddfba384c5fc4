import type { IncomingMessage } from 'node:http';

/**
 * Where the console lives for browsers: the origin of PUBLIC_URL, and the path it is served
 * under (`/console` for `https://host/console/`, `` at the root). Everything the BFF serves —
 * the SPA, /auth, /api — is under that path; redirects, the OAuth redirect URI and the session
 * cookie (its Path on http, its name on https: session-cookie.ts) carry it, CSRF checks compare
 * the origin only.
 */
export interface PublicLocation {
  origin: string;
  /** No trailing slash; `` when the console is served at the root. */
  basePath: string;
  /** origin + basePath: what `/auth/callback` and every redirect are appended to. */
  baseUrl: string;
}

export function publicLocation(publicUrl: string): PublicLocation {
  const url = new URL(publicUrl);
  const basePath = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, basePath, baseUrl: `${url.origin}${basePath}` };
}

/**
 * A request URL as seen inside the console (`/console/api/v1/clusters?x` → `/api/v1/clusters?x`),
 * or undefined when it is outside the base path. `/console` alone is the console's root.
 */
export function consoleUrl(url: string, basePath: string): string | undefined {
  if (basePath === '') return url;
  if (!url.startsWith(basePath)) return undefined;
  const rest = url.slice(basePath.length);
  if (rest === '') return '/';
  if (rest.startsWith('/')) return rest;
  if (rest.startsWith('?')) return `/${rest}`;
  return undefined;
}

/** Probes (kubelet, load balancers) and Prometheus ask at the root whatever the base path: see app.ts. */
export function isProbeUrl(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/healthz' || path === '/readyz' || path === '/metrics';
}

/**
 * Moves a request under the base path to the console's own paths, so every route, the API
 * fast lane and the proxy (which forwards `req.url`) see `/api/...`, `/auth/...` as at the
 * root. `originalUrl` keeps the browser's path: express-session only sets a cookie when the
 * request's original path is under the cookie's Path, and the OAuth callback's redirect URI
 * is read from it. False when the request is outside the base path.
 */
export function enterBasePath(req: IncomingMessage & { originalUrl?: string }, basePath: string) {
  const original = req.url ?? '/';
  const inner = consoleUrl(original, basePath);
  if (inner === undefined) return false;
  req.originalUrl = original;
  req.url = inner;
  return true;
}
