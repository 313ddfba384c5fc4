import {
  announceListening,
  loadConfigOrExit,
  onStopSignal,
  runMain,
} from '@cluster-console/server-kit';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { UsersFileError } from './users/users-file';

async function main() {
  const config = loadConfigOrExit(() => loadConfig());
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, logger);
  announceListening(logger, 'local-gitlab', {
    url: running.url,
    issuer: running.issuer,
    dataDir: config.dataDir,
    usersFile: config.usersFile,
  });
  onStopSignal((signal) => {
    logger.info({ event: 'stopping', signal }, 'stopping');
    void running.close().then(() => process.exit(0));
  });
}

// A broken users file is the user's to fix: its message alone, no "failed to start".
runMain('local-gitlab', main, [UsersFileError]);
