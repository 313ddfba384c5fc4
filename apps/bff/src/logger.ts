import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * pino JSON lines on stdout. The redact list is a safety net: no code path logs these on
 * purpose, but an error object with a request attached must not leak them either.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'bff',
      level,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'headers.cookie',
          'headers.authorization',
          '*.access_token',
          '*.refresh_token',
          '*.id_token',
          '*.accessToken',
          '*.refreshToken',
          '*.idToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
