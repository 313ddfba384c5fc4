/**
 * Starts the clusters API: reads the configuration, opens the tenant repository, listens,
 * and shuts down gracefully on SIGTERM/SIGINT (finishing the writes under way).
 */
import type { AddressInfo } from 'node:net';
import { createClustersApi } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const api = await createClustersApi(config, logger);
  const server = api.app.listen(config.port, config.host);
  // Longer than any client's idle keep-alive: the BFF's proxy reuses sockets, and a server
  // closing an idle one (Node's default is 5 s) just as a request is sent on it makes that
  // request fail with "socket hang up".
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.once('listening', () => {
    const { port } = server.address() as AddressInfo;
    const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const listening = { event: 'listening', url, tenantRepo: redactUrl(config.tenantRepoUrl) };
    // Supervisors (npm start, tests) wait for this line, so it is written at any LOG_LEVEL.
    if (logger.isLevelEnabled('info')) logger.info(listening, 'clusters-api listening');
    else process.stdout.write(`${JSON.stringify({ app: 'clusters-api', ...listening })}\n`);
  });
  server.once('error', (error) => {
    logger.fatal({ err: { message: error.message } }, 'cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('shutdown timed out; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    void api
      .close()
      .catch(() => undefined)
      .finally(() => {
        logger.flush();
        process.exit(0);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function redactUrl(url: string): string {
  return url.replace(/(\/\/)[^/@]*@/, '$1');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `clusters-api failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
