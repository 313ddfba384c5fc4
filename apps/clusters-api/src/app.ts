/**
 * The Express application, without listening (tests drive it on an ephemeral port).
 */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ApiGeneration } from './clusters/api-generation';
import type { ClusterService } from './clusters/cluster.service';
import type { PermissionService } from './gitlab/permission.service';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { utf8JsonOnly } from './http/json-charset';
import { requestLogger } from '@cluster-console/server-kit/request-logger';
import { clustersRouter } from './routes/clusters.router';
import { healthRouter } from './routes/health.router';
import { openApiRouter } from './routes/openapi.router';

export interface AppDeps {
  logger: Logger;
  clusters: ClusterService;
  permissions: PermissionService;
  /** The Nautes API generation spoken (told by /healthz and /openapi.json). */
  generation: ApiGeneration;
}

export function createApp({ logger, clusters, permissions, generation }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestLogger(logger));
  app.use(healthRouter(generation.version));
  app.use(openApiRouter(generation));
  app.use(utf8JsonOnly);
  app.use(clustersRouter({ clusters, permissions }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
