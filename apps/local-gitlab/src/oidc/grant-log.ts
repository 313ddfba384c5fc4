import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from 'pino';

function grantType(ctx: KoaContextWithOIDC): string {
  const value = ctx.oidc.params?.grant_type;
  return typeof value === 'string' ? value : 'unknown';
}

/**
 * One log line per token-endpoint grant (code exchange, refresh), refused grant and revoked
 * grant: which user and grant, never a token. Tests count these lines to show that a session
 * was refreshed once, as GitLab's own logs would show an operator.
 */
export function logTokenGrants(provider: Provider, logger: Logger): void {
  provider.on('grant.success', (ctx) => {
    logger.info(
      {
        event: 'token_grant',
        grantType: grantType(ctx),
        accountId: ctx.oidc.account?.accountId,
        grantId: ctx.oidc.entities.Grant?.jti,
      },
      'tokens issued',
    );
  });
  provider.on('grant.error', (ctx, error) => {
    logger.info(
      {
        event: 'token_grant_refused',
        grantType: grantType(ctx),
        accountId: ctx.oidc.account?.accountId,
        error: error.error,
        reason: error.error_description,
      },
      'token request refused',
    );
  });
  provider.on('grant.revoked', (_ctx, grantId) => {
    logger.info({ event: 'grant_revoked', grantId }, 'grant revoked with all its tokens');
  });
}
