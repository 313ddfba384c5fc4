/**
 * The path the console is served under: `/console` when the BFF wrote `<base href="/console/">`
 * into index.html, `` at the root (or with no `<base>`, as in unit tests). The SPA is built
 * once with relative asset URLs and learns its path here at run time, so one build runs under
 * any path chosen at deploy time. The router's basename, the API client and every URL given to
 * the browser (`location.assign`, links to the BFF's /auth) start with it.
 */
export function basePathOf(baseHref: string | null | undefined, documentUrl: string): string {
  if (!baseHref) return '';
  return new URL(baseHref, documentUrl).pathname.replace(/\/+$/, '');
}

export const basePath = basePathOf(
  document.querySelector('base')?.getAttribute('href'),
  window.location.href,
);

/** A path of the console (`/auth/login?…`, `/sign-in`) as the browser must ask for it. */
export function withBase(path: string): string {
  return `${basePath}${path}`;
}

/** The current page's path inside the console (what the router matches), without the base path. */
export function currentConsolePath(): string {
  const { pathname } = window.location;
  if (basePath === '') return pathname;
  return pathname.startsWith(basePath) ? pathname.slice(basePath.length) || '/' : pathname;
}
