import { RedisStore } from 'connect-redis';
import type { Store as RateLimitStore } from 'express-rate-limit';
import { RedisStore as RedisRateLimitStore } from 'rate-limit-redis';
import type session from 'express-session';
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from 'pino';
import { GitLabOidc } from './auth/gitlab-oidc.client';
import { RefreshCoordinator } from './auth/refresh-coordinator';
import { startClusterStatus, type ClusterStatus } from './cluster-status/cluster-status.service';
import type { Config } from './config';
import type { DegradationCheck } from './health/readiness';
import { FailoverRateLimitStore } from './middleware/failover-rate-limit-store';
import { SharedRateLimitState } from './middleware/shared-rate-limits';
import { MemorySessionStore } from './session/memory-session-store';
import { RedisLock } from './session/redis-lock';

const REDIS_PREFIX = 'cluster-console:';
const REDIS_CONNECT_TIMEOUT_MS = 10_000;
const REDIS_STARTUP_RETRIES = 4;

/** The long-lived parts createApp needs; main.ts and tests build them, and close them. */
export interface Services {
  store: session.Store;
  storeKind: 'memory' | 'redis';
  gitlab: GitLabOidc;
  refreshCoordinator: RefreshCoordinator;
  /**
   * Where rate limits count, one store per limiter (`name` keeps their counts apart): Redis, so
   * that replicas behind a balancer share one count per client, falling back to the replica's
   * memory while Redis cannot count (failover-rate-limit-store.ts); undefined for each
   * replica's own memory.
   */
  rateLimitStore?: (name: string) => RateLimitStore;
  /** Readiness of the session store (Redis ping); undefined for the memory store. */
  storeCheck?: () => Promise<void>;
  /** What /readyz reports as degraded while the BFF still works (see health/readiness.ts). */
  degradations?: Record<string, DegradationCheck>;
  /** Live status: the watch of the management cluster and its streams, once per process. */
  clusterStatus: ClusterStatus;
  close(): Promise<void>;
}

export async function createServices(config: Config, logger: Logger): Promise<Services> {
  const gitlab = new GitLabOidc({
    issuerUrl: config.gitlab.url,
    clientId: config.gitlab.clientId,
    clientSecret: config.gitlab.clientSecret,
    tokenAuthMethod: config.gitlab.tokenAuthMethod,
    scopes: config.gitlab.scopes,
    timeoutSeconds: config.gitlab.timeoutSeconds,
    logger,
  });

  // A kubeconfig that cannot work stops the start here, before anything is opened.
  const clusterStatus = await startClusterStatus(config.clusterStatus, logger);

  if (!config.session.redisUrl) {
    const store = new MemorySessionStore({
      maxCount: config.session.maxCount,
      defaultTtlMs: config.session.idleTimeoutSeconds * 1000,
    });
    return {
      store,
      storeKind: 'memory',
      gitlab,
      refreshCoordinator: new RefreshCoordinator(),
      clusterStatus,
      close: () => {
        clusterStatus.close();
        store.close();
        gitlab.close();
        return Promise.resolve();
      },
    };
  }

  let everReady = false;
  const client: RedisClientType = createClient({
    url: config.session.redisUrl,
    // Fail fast while Redis is away, instead of queueing session reads until it is back.
    disableOfflineQueue: true,
    socket: {
      // Reconnect for ever once we were connected; at start-up give up after a few tries.
      reconnectStrategy: (retries: number, cause: Error) =>
        !everReady && retries >= REDIS_STARTUP_RETRIES
          ? cause
          : Math.min(100 * 2 ** retries, 3_000),
    },
  });
  let lastError = '';
  client.on('error', (error: unknown) => {
    // The client reconnects by itself; log each distinct problem once, not every retry.
    const message = error instanceof Error ? error.message : String(error);
    if (message !== lastError)
      logger.warn({ event: 'redis_error', error: message }, 'Redis connection problem');
    lastError = message;
  });
  client.on('ready', () => {
    everReady = true;
    lastError = '';
  });
  try {
    await connectWithin(client, REDIS_CONNECT_TIMEOUT_MS, new URL(config.session.redisUrl).host);
  } catch (error) {
    clusterStatus.close();
    throw error;
  }
  const sharedRateLimits = new SharedRateLimitState(logger);
  return {
    store: new RedisStore({ client, prefix: `${REDIS_PREFIX}sess:` }),
    storeKind: 'redis',
    gitlab,
    refreshCoordinator: new RefreshCoordinator(new RedisLock(client, `${REDIS_PREFIX}lock:`)),
    rateLimitStore: (name) =>
      new FailoverRateLimitStore(
        new RedisRateLimitStore({
          sendCommand: (...args: string[]) => client.sendCommand(args),
          prefix: `${REDIS_PREFIX}rl:${name}:`,
        }),
        sharedRateLimits,
      ),
    degradations: { rate_limits: () => sharedRateLimits.degradation() },
    storeCheck: async () => {
      await client.ping();
    },
    clusterStatus,
    close: async () => {
      clusterStatus.close();
      gitlab.close();
      await client.close().catch(() => undefined);
    },
  };
}

/** The client retries forever by itself; at start-up we want a clear error instead. */
async function connectWithin(
  client: RedisClientType,
  timeoutMs: number,
  host: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis at ${host} (REDIS_URL) is not reachable`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch {
    if (client.isOpen) client.destroy();
    throw new Error(`Redis at ${host} (REDIS_URL) is not reachable`);
  } finally {
    clearTimeout(timer);
  }
}
