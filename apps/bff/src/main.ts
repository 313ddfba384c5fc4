import http from 'node:http';
import { announceListening } from '@cluster-console/server-kit';
import { ErrorReason } from '@cluster-console/shared';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ManagementClusterError } from './cluster-status/management-cluster';
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

/** Below Kubernetes' 30 s grace period, minus the Deployment's 5 s preStop pause. */
const DRAIN_DEADLINE_MS = 20_000;

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
  // Graceful stop (Kubernetes sends SIGTERM, then SIGKILL after a 30 s grace period): from
  // the signal on /readyz answers 503 and every response closes its connection, so balancers
  // and keep-alive clients move to another replica; requests in flight (a save waiting on the
  // clusters API) finish and are answered; once none is left the server closes, Redis is
  // closed and the process exits. Requests still running after DRAIN_DEADLINE_MS are cut.
  let stopping = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  // One listener for every response ('close' comes once per response), not one per request.
  const responseClosed = () => {
    inFlight -= 1;
    if (stopping && inFlight === 0) drained?.();
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight += 1;
    res.on('close', responseClosed);
    if (stopping) {
      res.setHeader('Connection', 'close');
      // At the root and under the base path alike (see app.ts).
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/readyz' || path === `${bff.basePath}/readyz`) {
        res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(
          JSON.stringify({
            code: 503,
            reason: ErrorReason.UPSTREAM_UNAVAILABLE,
            message: 'Not ready: this replica is stopping.',
            metadata: { bff: 'stopping' },
          }),
        );
        return;
      }
    }
    bff.handler(req, res);
  });
  services.gitlab.warmUp();
  const listening = {
    url,
    publicUrl,
    gitlab: config.gitlab.url,
    clustersApi: config.clustersApi.url,
    sessionStore: services.storeKind,
  };
  announceListening(logger, 'bff', listening);
  // Log lines wait in a buffer (logger.ts); this one is waited for, so it goes out now.
  logger.flush();

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Status streams never finish by themselves: end them now, so the drain below is not held
    // up and their browsers reconnect to another replica.
    services.clusterStatus.streams.endAll();
    const since = Date.now();
    logger.info({ event: 'stopping', signal, inFlight }, 'stopping');
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      server.close();
      server.closeAllConnections();
      bff.close();
      void services.close().finally(() => {
        logger.info(
          { event: 'stopped', sessionStore: services.storeKind, ms: Date.now() - since },
          'stopped: requests in flight answered, session store closed',
        );
        process.exit(0);
      });
    };
    // Idle keep-alive sockets would otherwise hold new requests back from other replicas.
    server.closeIdleConnections();
    if (inFlight === 0) {
      finish();
      return;
    }
    drained = finish;
    const force = setTimeout(() => {
      logger.warn({ event: 'stop_deadline', inFlight }, 'requests still running: cutting them');
      finish();
    }, DRAIN_DEADLINE_MS);
    force.unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

start().catch((error: unknown) => {
  if (error instanceof ManagementClusterError) {
    // A setting that cannot work, told as config.ts tells its own: one line, no stack.
    process.stderr.write(`bff: ${error.message}\n`);
    process.exit(1);
  }
  logger.fatal(
    { event: 'start_failed', error: error instanceof Error ? error.message : String(error) },
    'could not start',
  );
  process.exit(1);
});
