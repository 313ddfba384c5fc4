import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Keys no log line may show, at the top and one level down. No code logs them on purpose;
 * this is the second line of defence for an error or object that carries one by mistake.
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'kubeconfig',
  'body',
] as const;

export interface ServerLoggerOptions {
  /** Written as `app` on every line. */
  app: string;
  level: string;
  /** More paths to redact (pino's syntax), beyond REDACTED_KEYS and request headers. */
  redact?: readonly string[];
  destination?: DestinationStream;
}

/** pino JSON lines on stdout (or `destination`), with the shared redaction. */
export function createServerLogger(options: ServerLoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { app: options.app },
      redact: {
        paths: [
          ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]),
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["private-token"]',
          'res.headers["set-cookie"]',
          ...(options.redact ?? []),
        ],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
