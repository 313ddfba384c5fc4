// The request logger is its own entry point (`@cluster-console/server-kit/request-logger`):
// pino-http widens Node's IncomingMessage for every file of a TypeScript program, and the BFF
// and local-kube, which do not log through it, must not see that (typecheck/README.md).
export { ConfigError, emptyAsUndefined, logLevel, parseEnv } from './env';
export { announceListening, loadConfigOrExit, onStopSignal, runMain } from './boot';
export { createServerLogger, REDACTED_KEYS, type Logger } from './logger';
