import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyAsUndefined, logLevel, parseEnv } from '@cluster-console/server-kit';
import { z } from 'zod';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(appDir, '../..');

const ConfigSchema = z.object({
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8929)),
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' })
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  ),
  DATA_DIR: z.preprocess(
    emptyAsUndefined,
    z.string().default(path.join(repoRoot, '.data/local-gitlab')),
  ),
  USERS_FILE: z.preprocess(emptyAsUndefined, z.string().default(path.join(appDir, 'users.json'))),
  ACCESS_TOKEN_TTL: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int('ACCESS_TOKEN_TTL is whole seconds').positive().default(7200),
  ),
  CONSOLE_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().default('cluster-console')),
  CONSOLE_CLIENT_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .min(8, 'CONSOLE_CLIENT_SECRET needs at least 8 characters')
      .default('cluster-console-local-secret'),
  ),
  CONSOLE_REDIRECT_URIS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('http://127.0.0.1:3000/auth/callback')
      .transform((value) =>
        value
          .split(',')
          .map((uri) => uri.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(z.url({ error: 'CONSOLE_REDIRECT_URIS is a comma-separated list of URLs' })).min(1),
      ),
  ),
  LOG_LEVEL: logLevel,
});

export interface Config {
  host: string;
  port: number;
  /** Fixed issuer; when absent the issuer is `http://127.0.0.1:<actual port>`. */
  publicUrl: string | undefined;
  dataDir: string;
  usersFile: string;
  accessTokenTtlSeconds: number;
  consoleClient: { clientId: string; clientSecret: string; redirectUris: string[] };
  logLevel: string;
}

export { ConfigError } from '@cluster-console/server-kit';

/** The only place reading the environment. Relative paths are relative to the working directory. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = parseEnv('local-gitlab', ConfigSchema, env);
  return {
    host: values.HOST,
    port: values.PORT,
    publicUrl: values.PUBLIC_URL,
    dataDir: path.resolve(values.DATA_DIR),
    usersFile: path.resolve(values.USERS_FILE),
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL,
    consoleClient: {
      clientId: values.CONSOLE_CLIENT_ID,
      clientSecret: values.CONSOLE_CLIENT_SECRET,
      redirectUris: values.CONSOLE_REDIRECT_URIS,
    },
    logLevel: values.LOG_LEVEL,
  };
}
