import { z } from 'zod';

/** A wrong environment: the process says this one message and exits 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The environment read through `schema`; a wrong value throws a ConfigError naming each
 * variable and what is wrong with it (never the value: it may be a secret).
 */
export function parseEnv<Schema extends z.ZodType>(
  app: string,
  schema: Schema,
  env: Record<string, string | undefined>,
): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) => `  ${String(issue.path[0] ?? 'environment')}: ${issue.message}`,
  );
  throw new ConfigError(`${app}: invalid configuration\n${lines.join('\n')}`);
}

/** An empty variable counts as unset, as in most shells' `VAR= command`. */
export const emptyAsUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

/** LOG_LEVEL: pino's levels, `info` when unset. */
export const logLevel = z.preprocess(
  emptyAsUndefined,
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
);
