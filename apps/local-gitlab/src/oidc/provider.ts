import Provider, {
  type AdapterFactory,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { Directory } from '../users/directory';
import { accountClaims } from './account-claims';
import { INTERACTION_PATH, OIDC_ROUTES } from './gitlab-routes';
import { renderErrorPage } from './error.page';
import type { OidcKeys } from './signing-keys';

export interface OidcProviderOptions {
  issuer: string;
  directory: Directory;
  keys: OidcKeys;
  adapter: AdapterFactory;
  accessTokenTtlSeconds: number;
  consoleClient: { clientId: string; clientSecret: string; redirectUris: string[] };
}

const DAY = 24 * 60 * 60;
/** GitLab's refresh tokens do not expire; a month is plenty for a local stand-in. */
const REFRESH_TOKEN_TTL = 30 * DAY;

/** Scopes GitLab announces that matter here; `offline_access` is implied (refresh tokens are always issued). */
const GITLAB_SCOPES = [
  'openid',
  'profile',
  'email',
  'api',
  'read_api',
  'read_user',
  'read_repository',
  'write_repository',
];

/**
 * GitLab applications are trusted once authorized: the console gets the scopes it asks for
 * without a consent screen. The grant is created (or widened) right after sign-in.
 */
async function autoGrant(ctx: KoaContextWithOIDC) {
  const { client, account, session, provider } = ctx.oidc;
  if (!client || !account || !session) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant =
    existing && existing.accountId === account.accountId
      ? existing
      : new provider.Grant({ clientId: client.clientId, accountId: account.accountId });
  grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
  const claims = ctx.oidc.requestParamClaims;
  if (claims?.size) grant.addOIDCClaims([...claims]);
  await grant.save();
  return grant;
}

export function createOidcProvider(options: OidcProviderOptions): Provider {
  const { issuer, directory, keys, consoleClient } = options;
  const configuration: Configuration = {
    clients: [
      {
        client_id: consoleClient.clientId,
        client_secret: consoleClient.clientSecret,
        client_name: 'Cluster console',
        redirect_uris: consoleClient.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // client_secret_post is accepted too: the provider allows both for a basic-registered client.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    adapter: options.adapter,
    routes: OIDC_ROUTES,
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys },
    scopes: GITLAB_SCOPES,
    claims: {
      openid: ['sub'],
      profile: ['name', 'nickname', 'preferred_username', 'picture', 'profile'],
      email: ['email', 'email_verified'],
    },
    // GitLab's ID token carries the profile claims too, not only `sub`.
    conformIdTokenClaims: false,
    findAccount(_ctx, sub) {
      const user = directory.userById(sub);
      if (!user) return undefined;
      return { accountId: String(user.id), claims: () => accountClaims(user, issuer) };
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    loadExistingGrant: autoGrant,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // A client may revoke or introspect only its own tokens.
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // GitLab has neither an end-session nor a PAR endpoint.
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
    },
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    // Like GitLab: every authorization-code grant gets a refresh token, each use rotates it
    // (the used one is consumed; presenting it again revokes the grant).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // Tokens live on their own, not tied to the browser's sign-in session.
    expiresWithSession: () => false,
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      AuthorizationCode: 600,
      IdToken: 3600,
      RefreshToken: REFRESH_TOKEN_TTL,
      Grant: REFRESH_TOKEN_TTL,
      Interaction: 3600,
      Session: 14 * DAY,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out.error, out.error_description);
    },
  };
  return new Provider(issuer, configuration);
}
