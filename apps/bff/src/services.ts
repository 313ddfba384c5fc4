import { RedisStore } from 'connect-redis';
import type session from 'express-session';
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from 'pino';
import { GitLabOidc } from './auth/gitlab-oidc.client';
import { RefreshCoordinator } from './auth/refresh-coordinator';
import type { Config } from './config';
import { MemorySessionStore } from './session/memory-session-store';
import { RedisLock } from './session/redis-lock';

const REDIS_PREFIX = 'cluster-console:';

/** The long-lived parts createApp needs; main.ts and tests build them, and close them. */
export interface Services {
  store: session.Store;
  storeKind: 'memory' | 'redis';
  gitlab: GitLabOidc;
  refreshCoordinator: RefreshCoordinator;
  /** Readiness of the session store (Redis ping); undefined for the memory store. */
  storeCheck?: () => Promise<void>;
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
      close: () => {
        store.close();
        gitlab.close();
        return Promise.resolve();
      },
    };
  }

  const client: RedisClientType = createClient({ url: config.session.redisUrl });
  let lastError = '';
  client.on('error', (error: unknown) => {
    // The client reconnects by itself; log each distinct problem once, not every retry.
    const message = error instanceof Error ? error.message : String(error);
    if (message !== lastError)
      logger.warn({ event: 'redis_error', error: message }, 'Redis connection problem');
    lastError = message;
  });
  client.on('ready', () => {
    lastError = '';
  });
  await client.connect();
  return {
    store: new RedisStore({ client, prefix: `${REDIS_PREFIX}sess:` }),
    storeKind: 'redis',
    gitlab,
    refreshCoordinator: new RefreshCoordinator(new RedisLock(client, `${REDIS_PREFIX}lock:`)),
    storeCheck: async () => {
      await client.ping();
    },
    close: async () => {
      gitlab.close();
      await client.close().catch(() => undefined);
    },
  };
}
