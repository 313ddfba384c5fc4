import type { Logger } from 'pino';
import { ConfigError } from './env';

/**
 * The configuration, or, when it is wrong, its one message on stderr and exit code 1 (no stack:
 * the message names what to fix).
 */
export function loadConfigOrExit<Config>(load: () => Config): Config {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The line supervisors (npm start, the tests, bench) wait for: `"event":"listening"` with the
 * URL. Written at any LOG_LEVEL: through the logger when it shows info, else straight to stdout.
 */
export function announceListening(
  logger: Logger,
  app: string,
  listening: { url: string } & Record<string, unknown>,
  message = 'listening',
): void {
  const line = { event: 'listening', ...listening };
  if (logger.isLevelEnabled('info')) logger.info(line, message);
  else process.stdout.write(`${JSON.stringify({ app, ...line })}\n`);
}

/** Calls `stop` once, on the first SIGTERM or SIGINT. */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  const once = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal);
  };
  process.once('SIGTERM', once);
  process.once('SIGINT', once);
}

/**
 * Runs a server's `main`; a start that fails (a port taken, a file that cannot be read) says
 * so in one line on stderr and exits 1. `userErrors` are told by their message alone.
 */
export function runMain(
  app: string,
  main: () => Promise<void>,
  userErrors: readonly (abstract new (...args: never[]) => Error)[] = [],
): void {
  main().catch((error: unknown) => {
    if (userErrors.some((kind) => error instanceof kind)) {
      process.stderr.write(`${app}: ${(error as Error).message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${app} failed to start: ${message}\n`);
    }
    process.exit(1);
  });
}
