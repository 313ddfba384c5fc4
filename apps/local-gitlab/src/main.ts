import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { UsersFileError } from './users/users-file';

async function main() {
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
  let running;
  try {
    running = await startServer(config, logger);
  } catch (error) {
    if (error instanceof UsersFileError) {
      process.stderr.write(`local-gitlab: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const listening = {
    event: 'listening',
    url: running.url,
    issuer: running.issuer,
    dataDir: config.dataDir,
    usersFile: config.usersFile,
  };
  // Whoever started the process waits for this line, whatever LOG_LEVEL says.
  if (logger.isLevelEnabled('info')) logger.info(listening, 'listening');
  else process.stdout.write(`${JSON.stringify({ app: 'local-gitlab', ...listening })}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal }, 'stopping');
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `local-gitlab failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
