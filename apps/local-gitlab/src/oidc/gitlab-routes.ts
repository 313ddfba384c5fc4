/** GitLab's OAuth 2.0 / OIDC paths (discovery stays at `/.well-known/openid-configuration`). */
export const OIDC_ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  revocation: '/oauth/revoke',
  userinfo: '/oauth/userinfo',
  introspection: '/oauth/introspect',
  jwks: '/oauth/discovery/keys',
} as const;

/** Where the provider sends the browser to sign in (served by the interaction router). */
export const INTERACTION_PATH = '/oauth/interaction';

/** Requests the OIDC provider itself answers; everything else is Express's. */
export function isProviderPath(path: string): boolean {
  if (path === '/.well-known/openid-configuration') return true;
  if (path.startsWith(`${INTERACTION_PATH}/`) || path === INTERACTION_PATH) return false;
  return Object.values(OIDC_ROUTES).some((route) => path === route || path.startsWith(`${route}/`));
}
