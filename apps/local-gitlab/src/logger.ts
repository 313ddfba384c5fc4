import { createServerLogger, type Logger } from '@cluster-console/server-kit';

/** JSON lines with the redaction every server shares (packages/server-kit). */
export function createLogger(level: string): Logger {
  return createServerLogger({ app: 'local-gitlab', level });
}
