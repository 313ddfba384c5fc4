/**
 * The Express application, without listening (tests drive it on an ephemeral port).
 */
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ClusterService } from './clusters/cluster.service';
import type { PermissionService } from './gitlab/permission.service';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { clustersRouter } from './routes/clusters.router';
import { healthRouter } from './routes/health.router';
import { openApiRouter } from './routes/openapi.router';

export interface AppDeps {
  logger: Logger;
  clusters: ClusterService;
  permissions: PermissionService;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function createApp({ logger, clusters, permissions }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Only what identifies the request: never headers (tokens) or the body (kubeconfigs).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );

  app.use(healthRouter());
  app.use(openApiRouter());
  app.use(clustersRouter({ clusters, permissions }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
