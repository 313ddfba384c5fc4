import express, { type ErrorRequestHandler, type Express } from 'express';
import type Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { isGitRead } from './git/git-endpoint';
import { gitHttpHandler } from './git/git.router';
import { requestLogger } from '@cluster-console/server-kit/request-logger';
import { isProviderPath } from './oidc/gitlab-routes';
import { STYLESHEET, STYLESHEET_PATH } from './oidc/html';
import { interactionRouter } from './oidc/interaction.router';
import { apiRouter } from './rest/api.router';
import { avatarRouter } from './users/avatar.router';
import type { Directory } from './users/directory';
import type { TokenResolver } from './users/principal';
import { sessionRouter } from './users/session.router';

export interface AppDeps {
  /** The issuer and base of every URL the app hands out. */
  baseUrl: string;
  dataDir: string;
  directory: Directory;
  provider: Provider;
  resolveToken: TokenResolver;
  logger: Logger;
  /** Origins the sign-in form may end up redirecting to (the console's redirect URIs). */
  redirectOrigins: string[];
}

/** The whole local GitLab as one Express app; it does not listen. */
export function createApp(deps: AppDeps): Express {
  const { provider, directory, resolveToken } = deps;
  const app = express();
  app.disable('x-powered-by');
  // The interaction cookies are bound to this exact origin; no proxy in front by default.
  app.set('trust proxy', false);
  // Readable with plain curl; JSON clients do not care about whitespace.
  app.set('json spaces', 2);

  // The clusters API fetches the tenant repository every few seconds: its reads log at debug.
  app.use(requestLogger(deps.logger, { routine: isGitRead }));
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get(STYLESHEET_PATH, (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(STYLESHEET);
  });

  const signInCsp = [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    // Chromium applies form-action to the redirects after the post, which end at the client.
    `form-action 'self' ${deps.redirectOrigins.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  app.use('/oauth/interaction', (_req, res, next) => {
    res.set('Content-Security-Policy', signInCsp);
    next();
  });
  app.use(interactionRouter(provider, directory));

  app.use(
    '/api/v4',
    apiRouter({ directory, resolveToken, baseUrl: deps.baseUrl, dataDir: deps.dataDir }),
  );
  app.use(gitHttpHandler({ directory, resolveToken, dataDir: deps.dataDir }));
  app.use(avatarRouter(directory));
  app.use(sessionRouter(directory, deps.baseUrl));

  const providerCallback = provider.callback();
  app.use((req, res, next) => {
    if (!isProviderPath(req.path)) return next();
    // oidc-provider is a Koa app; it reads the raw request body itself.
    void providerCallback(req, res);
  });

  app.use((_req, res) => {
    res.status(404).json({ code: 404, reason: 'NOT_FOUND', message: 'Not found', metadata: {} });
  });

  const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    req.log.error(
      {
        err: error instanceof Error ? { type: error.name, message: error.message } : String(error),
      },
      'unhandled error',
    );
    if (res.headersSent) return res.destroy();
    res
      .status(500)
      .json({ code: 500, reason: 'INTERNAL', message: 'Internal server error', metadata: {} });
  };
  app.use(errorHandler);

  return app;
}
