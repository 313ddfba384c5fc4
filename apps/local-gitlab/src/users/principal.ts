import type Provider from 'oidc-provider';
import type { Directory } from './directory';
import type { DeployToken, User } from './users-file.schema';

/** Who a token stands for, and what it may be used for. */
export type Principal =
  | { kind: 'personal_access_token'; user: User; scopes: readonly string[] }
  | { kind: 'oauth_access_token'; user: User; scopes: readonly string[] }
  | { kind: 'deploy_token'; deployToken: DeployToken; scopes: readonly string[] };

export type TokenResolver = (token: string) => Promise<Principal | undefined>;

/**
 * Resolves any token GitLab would accept: a personal access token or deploy token from the
 * users file, or an OAuth access token issued by the provider (expired or revoked ones are
 * not found).
 */
export function createTokenResolver(directory: Directory, provider: Provider): TokenResolver {
  return async (token) => {
    if (!token) return undefined;
    const pat = directory.personalAccessToken(token);
    if (pat) return { kind: 'personal_access_token', user: pat.user, scopes: pat.pat.scopes };
    const deployToken = directory.deployToken(token);
    if (deployToken) return { kind: 'deploy_token', deployToken, scopes: deployToken.scopes };
    let accessToken;
    try {
      accessToken = await provider.AccessToken.find(token);
    } catch {
      return undefined;
    }
    if (!accessToken || accessToken.isExpired) return undefined;
    const user = directory.userById(accessToken.accountId);
    if (!user) return undefined;
    return {
      kind: 'oauth_access_token',
      user,
      scopes: (accessToken.scope ?? '').split(' ').filter(Boolean),
    };
  };
}

export function hasAnyScope(principal: Principal, wanted: readonly string[]): boolean {
  return principal.scopes.some((scope) => wanted.includes(scope));
}

/** Scopes that allow each kind of use (GitLab's rules). */
export const SCOPES_FOR = {
  readUser: ['api', 'read_api', 'read_user'],
  readApi: ['api', 'read_api'],
  gitRead: ['api', 'read_repository', 'write_repository'],
  gitWrite: ['api', 'write_repository'],
} as const;
