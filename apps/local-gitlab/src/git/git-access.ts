import type { Directory } from '../users/directory';
import { hasAnyScope, SCOPES_FOR, type Principal } from '../users/principal';
import type { Project, User } from '../users/users-file.schema';

export type GitOperation = 'read' | 'write';

/** A token, or (as GitLab allows over HTTP) a user's own password. */
export type GitPrincipal = Principal | { kind: 'password'; user: User };

export type GitAccessDecision =
  | { allowed: true; remoteUser: string; accessLevel: number; env: Record<string, string> }
  | { allowed: false; status: 403 | 404; message: string };

export const GIT_MESSAGES = {
  unauthorized:
    "HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password. If a token was provided, it was either incorrect, expired, or improperly scoped.",
  notFound:
    "The project you were looking for could not be found or you don't have permission to view it.",
  download: 'You are not allowed to download code from this project.',
  push: 'You are not allowed to push code to this project.',
  deployTokenPush: 'This deploy token does not have write access to this project.',
} as const;

const deny = (status: 403 | 404, message: string): GitAccessDecision => ({
  allowed: false,
  status,
  message,
});

/** GitLab's rules: reading needs Reporter (20) or a deploy token; pushing needs Developer (30). */
export function decideGitAccess(
  directory: Directory,
  project: Project,
  principal: GitPrincipal,
  operation: GitOperation,
): GitAccessDecision {
  if (principal.kind === 'deploy_token') {
    const { deployToken } = principal;
    if (!deployToken.projects.includes(project.path_with_namespace))
      return deny(404, GIT_MESSAGES.notFound);
    const scope = operation === 'read' ? 'read_repository' : 'write_repository';
    if (!deployToken.scopes.includes(scope)) {
      return deny(403, operation === 'read' ? GIT_MESSAGES.download : GIT_MESSAGES.deployTokenPush);
    }
    return {
      allowed: true,
      remoteUser: deployToken.username,
      accessLevel: 0,
      // A deploy token never gets past a protected branch.
      env: {
        GL_ID: `deploy-token-${deployToken.id}`,
        GL_USERNAME: deployToken.username,
      },
    };
  }

  const { user } = principal;
  const level = directory.accessLevel(project, user);
  const canSee = level >= 10 || project.visibility !== 'private';
  if (!canSee) return deny(404, GIT_MESSAGES.notFound);
  if (principal.kind !== 'password') {
    const scopes = operation === 'read' ? SCOPES_FOR.gitRead : SCOPES_FOR.gitWrite;
    if (!hasAnyScope(principal, scopes))
      return deny(403, operation === 'read' ? GIT_MESSAGES.download : GIT_MESSAGES.push);
  }
  const canRead = level >= 20 || project.visibility !== 'private';
  if (operation === 'read' && !canRead) return deny(403, GIT_MESSAGES.download);
  if (operation === 'write' && level < 30) return deny(403, GIT_MESSAGES.push);
  return {
    allowed: true,
    remoteUser: user.username,
    accessLevel: level,
    env: {
      GL_ID: `user-${user.id}`,
      GL_USERNAME: user.username,
    },
  };
}
