import type { NextFunction, Request, Response } from 'express';
import type { Directory } from '../users/directory';
import type { TokenResolver } from '../users/principal';
import { basicCredentials } from './basic-auth';
import { decideGitAccess, GIT_MESSAGES, type GitPrincipal } from './git-access';
import { GIT_PATH, operationOf } from './git-endpoint';
import { runGitService } from './git-service';
import { handleReceivePack } from './receive-pack.handler';
import { inflatedBody } from './request-body';
import { repositoryPath } from './repositories';

export interface GitRouterDeps {
  directory: Directory;
  resolveToken: TokenResolver;
  dataDir: string;
}

function sendText(res: Response, status: number, message: string) {
  res.status(status).type('text/plain').set('Cache-Control', 'no-cache').send(`${message}\n`);
}

/** Git smart HTTP, authenticated like GitLab (any user name with a token, or the user's password). */
export function gitHttpHandler({ directory, resolveToken, dataDir }: GitRouterDeps) {
  async function authenticate(req: Request): Promise<GitPrincipal | undefined> {
    const credentials = basicCredentials(req.headers);
    if (!credentials?.password) return undefined;
    const principal = await resolveToken(credentials.password);
    if (principal) return principal;
    const user = directory.authenticate(credentials.username, credentials.password);
    return user ? { kind: 'password', user } : undefined;
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    const match = GIT_PATH.exec(req.path);
    if (!match?.[1] || !match[2]) return next();
    const [, projectPath, endpoint] = match;
    const isPost = endpoint !== '/info/refs';
    if (req.method !== (isPost ? 'POST' : 'GET')) return sendText(res, 405, 'Method Not Allowed');
    const operation = operationOf(endpoint, req.query.service);
    if (!operation)
      return sendText(
        res,
        403,
        'Please upgrade your Git client: only the smart HTTP protocol is supported.',
      );

    // Credentials first, for every path, so that whether a project exists does not leak.
    const principal = await authenticate(req);
    if (!principal) {
      res.set('WWW-Authenticate', 'Basic realm="GitLab"');
      return sendText(res, 401, GIT_MESSAGES.unauthorized);
    }
    const project = directory.project(projectPath);
    if (!project) return sendText(res, 404, GIT_MESSAGES.notFound);
    const decision = decideGitAccess(directory, project, principal, operation);
    if (!decision.allowed) return sendText(res, decision.status, decision.message);

    // A push is news; a fetch is routine (the clusters API polls every few seconds): debug.
    req.log[operation === 'write' ? 'info' : 'debug'](
      { event: 'git', operation, project: project.path_with_namespace, user: decision.remoteUser },
      'git request',
    );
    const service = operation === 'read' ? 'git-upload-pack' : 'git-receive-pack';
    const gitDir = repositoryPath(dataDir, project);
    const gitProtocol = req.headers['git-protocol'];
    const env: Record<string, string> = {
      ...decision.env,
      GL_PROTOCOL: 'http',
      GL_REPOSITORY: `project-${project.id}`,
      GL_PROJECT_PATH: project.path_with_namespace,
      // Protocol v2 for fetches, as `git http-backend` passes it on.
      ...(typeof gitProtocol === 'string' && /^[\w.=:-]{1,200}$/.test(gitProtocol)
        ? { GIT_PROTOCOL: gitProtocol }
        : {}),
    };
    if (!isPost) {
      return runGitService(res, { service, gitDir, env, advertise: true, log: req.log });
    }
    const expectedType = `application/x-${service}-request`;
    if (req.headers['content-type'] !== expectedType) {
      return sendText(
        res,
        415,
        `Expected POST with Content-Type '${expectedType}', but received '${req.headers['content-type'] ?? ''}' instead.`,
      );
    }
    if (service === 'git-receive-pack') {
      return handleReceivePack(req, res, {
        project,
        accessLevel: decision.accessLevel,
        gitDir,
        env,
        log: req.log,
      });
    }
    return runGitService(res, {
      service,
      gitDir,
      env,
      advertise: false,
      input: inflatedBody(req),
      log: req.log,
    });
  };
}
