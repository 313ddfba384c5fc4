import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { assertProductionReady } from './production-check';
import { createServices } from './services';

let config: Config;
try {
  config = loadConfig();
  assertProductionReady(config);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
if (config.session.secretGenerated) {
  logger.warn(
    { event: 'session_secret_generated' },
    'SESSION_SECRET is not set: using a random one, so sessions end when the BFF restarts',
  );
}

const server = http.createServer();
// Slow or idle clients must not pin sockets forever; keep-alive longer than a typical LB's.
server.requestTimeout = 60_000;
server.headersTimeout = 20_000;
server.keepAliveTimeout = 65_000;

async function start(): Promise<void> {
  const services = await createServices(config, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const publicUrl = config.publicUrl ?? url;
  const bff = createApp({ config, publicUrl, logger, services });
  server.on('request', bff.handler);
  services.gitlab.warmUp();
  const listening = {
    event: 'listening',
    url,
    publicUrl,
    gitlab: config.gitlab.url,
    clustersApi: config.clustersApi.url,
    sessionStore: services.storeKind,
  };
  // Supervisors (npm start, tests) wait for this line, so it is written at any LOG_LEVEL.
  if (logger.isLevelEnabled('info')) logger.info(listening, 'listening');
  else process.stdout.write(`${JSON.stringify({ app: 'bff', ...listening })}\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal }, 'stopping');
    // Give in-flight requests a moment, then drop what is left.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    force.unref();
    server.close(() => {
      bff.close();
      void services.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

start().catch((error: unknown) => {
  logger.fatal(
    { event: 'start_failed', error: error instanceof Error ? error.message : String(error) },
    'could not start',
  );
  process.exit(1);
});
