/**
 * Starts the clusters API: reads the configuration, opens the tenant repository, listens,
 * and shuts down gracefully on SIGTERM/SIGINT (finishing the writes under way).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  announceListening,
  loadConfigOrExit,
  onStopSignal,
  runMain,
} from '@cluster-console/server-kit';
import { createClustersApi } from './compose';
import { loadConfig } from './config';
import { createLogger } from './logger';

/** A stop that has not finished the writes under way by then exits anyway. */
const STOP_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadConfig());
  const logger = createLogger(config.logLevel);
  const api = await createClustersApi(config, logger);
  const server = api.app.listen(config.port, config.host);
  // Longer than any client's idle keep-alive: the BFF's proxy reuses sockets, and a server
  // closing an idle one (Node's default is 5 s) just as a request is sent on it makes that
  // request fail with "socket hang up".
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  announceListening(
    logger,
    'clusters-api',
    { url, tenantRepo: redactUrl(config.tenantRepoUrl) },
    'clusters-api listening',
  );

  onStopSignal((signal) => {
    logger.info({ event: 'stopping', signal }, 'shutting down');
    setTimeout(() => {
      logger.warn('shutdown timed out; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    server.close();
    server.closeIdleConnections();
    void api
      .close()
      .catch(() => undefined)
      .finally(() => {
        logger.flush();
        process.exit(0);
      });
  });
}

function redactUrl(url: string): string {
  return url.replace(/(\/\/)[^/@]*@/, '$1');
}

runMain('clusters-api', main);
