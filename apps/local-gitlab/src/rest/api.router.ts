import { Router, type Request, type Response } from 'express';
import type { Directory } from '../users/directory';
import { hasAnyScope, SCOPES_FOR, type Principal, type TokenResolver } from '../users/principal';
import type { Project, User } from '../users/users-file.schema';
import { GITLAB_MESSAGES, sendGitlabError } from './gitlab-error';
import { projectJson, protectedBranchJson, userJson } from './gitlab-json';
import { requestToken } from './request-token';
import { addRepositoryRoutes } from './repository.routes';

type UserPrincipal = Exclude<Principal, { kind: 'deploy_token' }>;

export interface ApiRouterDeps {
  directory: Directory;
  resolveToken: TokenResolver;
  baseUrl: string;
  /** Where the bare repositories live (the repository endpoints read them with git). */
  dataDir: string;
}

/**
 * The GitLab REST v4 endpoints the clusters API reads (plus `/version`), and the repository
 * endpoints the console's history reads.
 */
export function apiRouter({ directory, resolveToken, baseUrl, dataDir }: ApiRouterDeps): Router {
  const router = Router();

  /** Undefined when the request is anonymous; `null` when the answer (401) was already sent. */
  async function authenticate(
    req: Request,
    res: Response,
  ): Promise<UserPrincipal | undefined | null> {
    const token = requestToken(req.headers);
    if (token === undefined && !req.headers.authorization) return undefined;
    const principal = token ? await resolveToken(token) : undefined;
    // Deploy tokens are for Git only; GitLab's API does not take them.
    if (!principal || principal.kind === 'deploy_token') {
      sendGitlabError(res, 401, GITLAB_MESSAGES.unauthorized, 'UNAUTHENTICATED');
      return null;
    }
    return principal;
  }

  function insufficientScope(res: Response, scopes: readonly string[]) {
    res.status(403).json({
      error: 'insufficient_scope',
      error_description:
        'The request requires higher privileges than provided by the access token.',
      scope: scopes.join(' '),
      code: 403,
      reason: 'NO_AUTHORIZATION',
      message: '403 Forbidden - insufficient_scope',
      metadata: {},
    });
  }

  /** The project when this caller may see it (GitLab answers 404 otherwise, never 403). */
  async function visibleProject(
    req: Request<{ id: string }>,
    res: Response,
  ): Promise<{ project: Project; user: User | undefined; accessLevel: number } | undefined> {
    const principal = await authenticate(req, res);
    if (principal === null) return undefined;
    if (principal && !hasAnyScope(principal, SCOPES_FOR.readApi)) {
      insufficientScope(res, SCOPES_FOR.readApi);
      return undefined;
    }
    const project = directory.project(req.params.id);
    const user = principal?.user;
    const accessLevel = project && user ? directory.accessLevel(project, user) : 0;
    const visible =
      project &&
      (accessLevel >= 10 ||
        project.visibility === 'public' ||
        (project.visibility === 'internal' && user));
    if (!project || !visible) {
      sendGitlabError(res, 404, GITLAB_MESSAGES.projectNotFound, 'RESOURCE_NOT_FOUND');
      return undefined;
    }
    return { project, user, accessLevel };
  }

  router.get('/user', async (req, res) => {
    const principal = await authenticate(req, res);
    if (principal === null) return;
    if (principal === undefined)
      return sendGitlabError(res, 401, GITLAB_MESSAGES.unauthorized, 'UNAUTHENTICATED');
    if (!hasAnyScope(principal, SCOPES_FOR.readUser))
      return insufficientScope(res, SCOPES_FOR.readUser);
    res.json(userJson(principal.user, baseUrl));
  });

  router.get('/projects/:id', async (req, res) => {
    const found = await visibleProject(req, res);
    if (!found) return;
    res.json(projectJson(found.project, baseUrl, found.accessLevel));
  });

  router.get('/projects/:id/protected_branches', async (req, res) => {
    const found = await visibleProject(req, res);
    if (!found) return;
    res.json(
      found.project.protected_branches.map((_branch, index) =>
        protectedBranchJson(found.project, index),
      ),
    );
  });

  router.get('/projects/:id/protected_branches/:name', async (req, res) => {
    const found = await visibleProject(req, res);
    if (!found) return;
    const index = found.project.protected_branches.findIndex(
      (branch) => branch.name === req.params.name,
    );
    if (index < 0) return sendGitlabError(res, 404, GITLAB_MESSAGES.notFound, 'RESOURCE_NOT_FOUND');
    res.json(protectedBranchJson(found.project, index));
  });

  router.get('/version', async (req, res) => {
    const principal = await authenticate(req, res);
    if (principal === null) return;
    if (principal === undefined)
      return sendGitlabError(res, 401, GITLAB_MESSAGES.unauthorized, 'UNAUTHENTICATED');
    res.json({ version: '17.0.0-local', revision: 'local' });
  });

  addRepositoryRoutes(router, { visibleProject, dataDir, baseUrl });

  // GitLab's answer for an unknown API route.
  router.use((_req, res) => {
    res.status(404).json({
      error: '404 Not Found',
      code: 404,
      reason: 'NOT_FOUND',
      message: '404 Not Found',
      metadata: {},
    });
  });

  return router;
}
