import type { DestinationStream } from 'pino';
import { createServerLogger, type Logger } from '@cluster-console/server-kit';

/**
 * JSON logs on stdout with the redaction every server shares (packages/server-kit). Request
 * bodies are never logged: the request serializer keeps only the method, path and id.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return createServerLogger({ app: 'clusters-api', level, ...(destination && { destination }) });
}
