import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { SessionUser, TokenSet } from '../session/session-data';

export interface GitLabOidcOptions {
  /** GitLab's base URL, which is also its OpenID Connect issuer. */
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  tokenAuthMethod: 'client_secret_basic' | 'client_secret_post';
  scopes: string[];
  timeoutSeconds: number;
  logger: Logger;
}

/** GitLab could not be reached or answered nonsense: try again later; the session stays. */
export class GitLabUnavailableError extends Error {
  override name = 'GitLabUnavailableError';
}

/** GitLab refused (bad state, denied, revoked or consumed refresh token): an OAuth error code. */
export class GitLabRejectedError extends Error {
  override name = 'GitLabRejectedError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GitLab's userinfo (`/oauth/userinfo`): `nickname` is the username, `picture` the avatar. */
const UserInfoSchema = z.object({
  sub: z.string(),
  name: z.string().optional(),
  nickname: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  picture: z.string().optional(),
});

export interface GitLabOidcStats {
  discoveries: number;
  /** Refresh-token grants actually sent to the token endpoint. */
  refreshGrants: number;
  authorizationCodeGrants: number;
}

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * openid-client 6 against GitLab. Discovery is lazy and retried: the BFF starts and serves
 * its health endpoint and the SPA even while GitLab is down, and picks GitLab up later.
 */
export class GitLabOidc {
  readonly stats: GitLabOidcStats = {
    discoveries: 0,
    refreshGrants: 0,
    authorizationCodeGrants: 0,
  };
  private configuration: Promise<oidc.Configuration> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: GitLabOidcOptions) {}

  get scopes(): string[] {
    return this.options.scopes;
  }

  /** Resolves the discovered configuration; a failure is not cached, the next call tries again. */
  getConfiguration(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** Fresh discovery (readiness): is GitLab answering right now? Updates the cached configuration. */
  async checkDiscovery(): Promise<void> {
    const fresh = this.discover();
    await fresh;
    this.configuration = fresh;
  }

  /** Discovers in the background until it works, so the first sign-in does not wait. */
  warmUp(delayMs = 0): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.getConfiguration().then(
        () => undefined,
        (error: unknown) => {
          this.options.logger.warn(
            {
              event: 'gitlab_discovery_failed',
              gitlab: this.options.issuerUrl,
              error: describe(error),
            },
            'GitLab discovery failed; will retry',
          );
          this.warmUp(Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, delayMs * 2)));
        },
      );
    }, delayMs);
    this.retryTimer.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  async authorizationUrl(parameters: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeChallenge: string;
  }): Promise<URL> {
    const configuration = await this.getConfiguration();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: parameters.redirectUri,
      scope: this.options.scopes.join(' '),
      state: parameters.state,
      nonce: parameters.nonce,
      code_challenge: parameters.codeChallenge,
      code_challenge_method: 'S256',
    });
  }

  /** Finishes the authorization-code flow: checks state, nonce and PKCE, then reads userinfo. */
  async exchangeCode(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ tokens: TokenSet; user: SessionUser }> {
    const configuration = await this.getConfiguration();
    const response = await this.call(() =>
      oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      }),
    );
    const tokens = toTokenSet(response);
    const subject = response.claims()?.sub;
    const info = await this.call(() =>
      oidc.fetchUserInfo(configuration, tokens.accessToken, subject ?? oidc.skipSubjectCheck),
    );
    return { tokens, user: toSessionUser(info) };
  }

  async refresh(current: TokenSet): Promise<TokenSet> {
    if (!current.refreshToken)
      throw new GitLabRejectedError('invalid_grant', 'The session holds no refresh token.');
    const configuration = await this.getConfiguration();
    const response = await this.call(() =>
      oidc.refreshTokenGrant(configuration, current.refreshToken ?? ''),
    );
    const tokens = toTokenSet(response);
    // GitLab rotates refresh tokens; a server that does not keeps the old one valid.
    return { ...tokens, refreshToken: tokens.refreshToken ?? current.refreshToken };
  }

  /** Revokes both tokens at GitLab (`/oauth/revoke`); failures are logged, not thrown. */
  async revoke(tokens: TokenSet): Promise<void> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.getConfiguration();
    } catch (error) {
      this.options.logger.warn(
        { event: 'gitlab_revoke_failed', error: describe(error) },
        'token revocation skipped',
      );
      return;
    }
    if (!configuration.serverMetadata().revocation_endpoint) return;
    const attempts: [string, string][] = [[tokens.accessToken, 'access_token']];
    if (tokens.refreshToken) attempts.push([tokens.refreshToken, 'refresh_token']);
    for (const [token, hint] of attempts) {
      try {
        await oidc.tokenRevocation(configuration, token, { token_type_hint: hint });
      } catch (error) {
        this.options.logger.warn(
          { event: 'gitlab_revoke_failed', hint, error: describe(error) },
          'token revocation failed',
        );
      }
    }
  }

  private async discover(): Promise<oidc.Configuration> {
    this.stats.discoveries += 1;
    const issuer = new URL(this.options.issuerUrl);
    const secret = this.options.clientSecret;
    const auth =
      this.options.tokenAuthMethod === 'client_secret_post'
        ? oidc.ClientSecretPost(secret)
        : oidc.ClientSecretBasic(secret);
    try {
      return await oidc.discovery(issuer, this.options.clientId, { client_secret: secret }, auth, {
        timeout: this.options.timeoutSeconds,
        [oidc.customFetch]: this.countingFetch,
        // A local GitLab on http://127.0.0.1 is fine; a real one is https and stays https-only.
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      });
    } catch (error) {
      throw new GitLabUnavailableError(
        `GitLab discovery at ${issuer.origin} failed: ${describe(error)}`,
      );
    }
  }

  /** Counts grants at the token endpoint, so a test can prove one refresh per session. */
  private readonly countingFetch: oidc.CustomFetch = (url, options) => {
    const grantType = grantTypeOf(options.body);
    if (grantType === 'refresh_token') this.stats.refreshGrants += 1;
    if (grantType === 'authorization_code') this.stats.authorizationCodeGrants += 1;
    return fetch(url, options);
  };

  /** Classifies openid-client's errors into "GitLab said no" and "GitLab unavailable". */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError && error.status < 500) {
        throw new GitLabRejectedError(error.error, error.error_description ?? error.error);
      }
      if (error instanceof oidc.AuthorizationResponseError) {
        throw new GitLabRejectedError(error.error, error.error_description ?? error.error);
      }
      if (error instanceof oidc.ClientError && isCheckFailure(error.code)) {
        // A state, nonce, issuer or signature check failed: treat as a refused response.
        throw new GitLabRejectedError('login_failed', error.message);
      }
      throw new GitLabUnavailableError(`GitLab request failed: ${describe(error)}`);
    }
  }
}

/** oauth4webapi's codes for a response that arrived but failed a check (not a transport problem). */
const CHECK_FAILURES = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED',
]);

function isCheckFailure(code: string | undefined): boolean {
  return code !== undefined && CHECK_FAILURES.has(code);
}

function grantTypeOf(body: unknown): string | null {
  if (body instanceof URLSearchParams) return body.get('grant_type');
  if (typeof body === 'string') return new URLSearchParams(body).get('grant_type');
  return null;
}

function toTokenSet(response: oidc.TokenEndpointResponse): TokenSet {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    idToken: response.id_token,
    expiresAt:
      typeof response.expires_in === 'number' ? Date.now() + response.expires_in * 1000 : undefined,
  };
}

function toSessionUser(info: unknown): SessionUser {
  const claims = UserInfoSchema.parse(info);
  const username = claims.nickname ?? claims.preferred_username ?? claims.sub;
  return {
    username,
    name: claims.name ?? username,
    email: claims.email ?? '',
    avatar_url: claims.picture ?? null,
  };
}

/** An error's message, without anything a token could hide in (messages of these libraries carry none). */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
