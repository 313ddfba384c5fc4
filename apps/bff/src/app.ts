import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { ErrorReason } from '@cluster-console/shared';
import type { AuthContext } from './auth/auth-context';
import { authRouter } from './auth/auth.router';
import { requireSignedIn } from './auth/signed-in.middleware';
import { enterBasePath, isProbeUrl, publicLocation } from './base-path';
import type { Config } from './config';
import { healthRouter } from './health/health.router';
import { cachedReadiness, httpHealthCheck, type ReadinessCheck } from './health/readiness';
import { historyRouter } from './history/history.router';
import { connectionCheckRouter } from './connection-check/connection-check.router';
import { csrfProtection } from './middleware/csrf';
import { clusterStatusRouter } from './cluster-status/cluster-status.router';
import { createConsoleMetrics } from './metrics/console-metrics';
import { metricsRouter } from './metrics/metrics.router';
import { internalCallerTest, requireInternalNetwork } from './middleware/internal-network';
import { apiNotFound, errorHandler, sendError } from './middleware/errors';
import { loginRateLimit, mutationRateLimit } from './middleware/rate-limits';
import { requestLogger } from './middleware/request-logger';
import { noStore, securityHeaderSetter } from './middleware/security-headers';
import { NautesApiDetector } from './nautes-api/nautes-api-detector';
import { nautesApiRouter } from './nautes-api/nautes-api.router';
import { apiFastLane, recordRoll } from './proxy/api-fast-lane';
import { apiRouter } from './proxy/api.router';
import { clustersProxy } from './proxy/clusters-proxy';
import type { Services } from './services';
import { RollTracker } from './session/roll-tracker';
import { sessionCookie } from './session/session-cookie';
import { sessionMiddleware } from './session/session.middleware';
import { spaRouter } from './static/spa.router';
import { requireClusterReader } from './tenant-access/require-cluster-reader';
import { TenantAccess } from './tenant-access/tenant-access';

export interface AppDeps {
  config: Config;
  /** The browser-facing URL (config.publicUrl, or the actual listening URL); its path is the base path. */
  publicUrl: string;
  logger: Logger;
  services: Services;
}

export interface App {
  app: Express;
  /** The path the console is served under (`` at the root), from PUBLIC_URL. */
  basePath: string;
  /** What the HTTP server runs: the API fast lane, else the express app. */
  handler: RequestListener;
  /** Releases the proxy's keep-alive sockets (the services are closed by their owner). */
  close(): void;
}

/** Builds the BFF without listening. Order matters: CSRF before anything that acts. */
export function createApp(deps: AppDeps): App {
  const { config, logger, services } = deps;
  const location = publicLocation(deps.publicUrl);
  const { origin } = location;
  const cookie = sessionCookie(deps.publicUrl);
  const context: AuthContext = {
    baseUrl: location.baseUrl,
    basePath: location.basePath,
    gitlab: services.gitlab,
    refreshCoordinator: services.refreshCoordinator,
    store: services.store,
    cookie,
    refreshSkewSeconds: config.tokenRefreshSkewSeconds,
    absoluteTimeoutSeconds: config.session.absoluteTimeoutSeconds,
    logger,
  };
  const session = sessionMiddleware({
    store: services.store,
    secrets: config.session.secrets,
    cookie,
    idleTimeoutSeconds: config.session.idleTimeoutSeconds,
  });
  const proxy = clustersProxy({
    target: config.clustersApi.url,
    timeoutSeconds: config.clustersApi.timeoutSeconds,
    logger,
  });
  const rolls = new RollTracker(
    rollIntervalMs(config.session.idleTimeoutSeconds),
    config.session.maxCount,
  );
  const readiness: Record<string, ReadinessCheck> = {
    gitlab: () => services.gitlab.checkDiscovery(),
    clusters_api: httpHealthCheck(`${config.clustersApi.url}/healthz`),
  };
  if (services.storeCheck) readiness.session_store = services.storeCheck;

  const metrics = createConsoleMetrics(services.clusterStatus);
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);

  const setSecurityHeaders = securityHeaderSetter({
    publicUrl: origin,
    gitlabUrl: config.gitlab.url,
  });
  const fastLane = apiFastLane({
    store: services.store,
    cookie,
    secrets: config.session.secrets,
    refreshSkewSeconds: config.tokenRefreshSkewSeconds,
    absoluteTimeoutSeconds: config.session.absoluteTimeoutSeconds,
    rolls,
    proxy,
    logger,
    setSecurityHeaders,
    observe: metrics.observeRequest,
  });

  app.use(requestLogger(logger, metrics.observeRequest));
  app.use((_req, res, next) => {
    setSecurityHeaders(res);
    next();
  });
  app.use(
    healthRouter({
      readiness: cachedReadiness(readiness, services.degradations),
      isInternal: internalCallerTest(config.internalNetworks),
    }),
  );
  app.use(metricsRouter(metrics.registry, requireInternalNetwork(config.internalNetworks)));
  app.use(csrfProtection(origin));
  const { windowSeconds } = config.rateLimits;
  const rateLimitStore = services.rateLimitStore;
  app.use(
    mutationRateLimit(windowSeconds, config.rateLimits.mutations, rateLimitStore?.('mutations')),
  );
  app.use(['/auth', '/api'], noStore);
  app.use('/auth', session);
  app.use(
    authRouter(
      context,
      loginRateLimit(windowSeconds, config.rateLimits.login, rateLimitStore?.('login')),
    ),
  );
  const signedIn = requireSignedIn(context);
  // Reporter or more on the tenant project, as the clusters API's list: for every console
  // route that shows cluster data (history, recently deleted, live status).
  const clusterReader = requireClusterReader(
    new TenantAccess({
      gitlabUrl: config.gitlab.url,
      project: config.tenant.project,
      timeoutMs: config.gitlab.timeoutSeconds * 1000,
    }),
    logger,
  );
  app.use(
    nautesApiRouter({
      session,
      requireSignedIn: signedIn,
      detector: new NautesApiDetector({
        clustersApiUrl: config.clustersApi.url,
        setting: config.clustersApi.nautesApiVersion,
        logger,
      }),
    }),
  );
  app.use(
    historyRouter({
      session,
      requireSignedIn: signedIn,
      requireClusterReader: clusterReader,
      gitlabUrl: config.gitlab.url,
      timeoutSeconds: config.gitlab.timeoutSeconds,
      settings: config.tenant,
      limits: config.history,
      rateLimit: { windowSeconds, store: rateLimitStore?.('history') },
      logger,
    }),
  );
  app.use(
    clusterStatusRouter({
      session,
      requireSignedIn: signedIn,
      requireClusterReader: clusterReader,
      status: services.clusterStatus,
      clustersApiUrl: config.clustersApi.url,
      timeoutSeconds: config.clustersApi.timeoutSeconds,
      logger,
    }),
  );
  app.use(
    connectionCheckRouter({
      session,
      requireSignedIn: signedIn,
      logger,
      options: {
        ...config.connectionCheck,
        rateLimit: {
          windowSeconds,
          limit: config.connectionCheck.rateLimit,
          store: rateLimitStore?.('connection-checks'),
        },
        protectedUrls: [
          origin,
          `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
          config.gitlab.url,
          config.clustersApi.url,
          ...(config.session.redisUrl ? [config.session.redisUrl] : []),
        ],
      },
    }),
  );
  app.use(
    apiRouter({
      session,
      requireSignedIn: signedIn,
      proxy: [recordRoll(rolls), ...proxy.handlers],
    }),
  );
  app.use(spaRouter(config.webDistDir, location.basePath));
  app.use(apiNotFound);
  app.use(errorHandler(logger));
  return {
    app,
    basePath: location.basePath,
    handler: (req, res) => {
      // Under a base path, the probes still answer at the root (kubelet asks the pod
      // directly); anything else outside the base path is not ours.
      if (!enterBasePath(req, location.basePath) && !isProbeUrl(req.url ?? '/')) {
        setSecurityHeaders(res);
        sendError(
          res,
          404,
          ErrorReason.NOT_FOUND,
          `Not found: the console is served under ${location.basePath}/.`,
        );
        return;
      }
      fastLane(req, res, () => {
        app(req, res);
      });
    },
    close: () => proxy.close(),
  };
}

/**
 * How often an active session is rolled (its idle timeout pushed forward): a tenth of the idle
 * timeout, at most a minute, so the timeout holds to within that.
 */
function rollIntervalMs(idleTimeoutSeconds: number): number {
  return Math.min(60_000, (idleTimeoutSeconds * 1000) / 10);
}
