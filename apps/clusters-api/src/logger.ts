import { pino, type Logger } from 'pino';

/**
 * JSON logs on stdout. Request bodies are never logged (the request serializer keeps only the
 * method, path and id); the redaction below is a second line of defence for anything that
 * carries a header, a token or a kubeconfig by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'clusters-api' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["private-token"]',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'token',
          '*.token',
          'kubeconfig',
          '*.kubeconfig',
          'body',
          '*.body',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
