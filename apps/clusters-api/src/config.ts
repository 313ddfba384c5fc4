/**
 * The only place that reads the environment. Every value is parsed with zod; a wrong value
 * stops the process at start with a message naming the variable.
 */
import path from 'node:path';
import { NAUTES_API_VERSIONS, type NautesApiVersion } from '@cluster-console/shared';
import { logLevel, parseEnv } from '@cluster-console/server-kit';
import { z } from 'zod';

const DEFAULT_GITLAB_URL = 'http://127.0.0.1:8929';
const DEFAULT_TENANT_PROJECT = 'nautes/tenant-config';

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  GITLAB_URL: httpUrl.default(DEFAULT_GITLAB_URL),
  TENANT_PROJECT: z
    .string()
    .regex(/^[\w.-]+(\/[\w.-]+)+$/, 'must be a project path like "group/project"')
    .default(DEFAULT_TENANT_PROJECT),
  TENANT_REPO_URL: z
    .string()
    .min(1)
    .refine((value) => !/^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(value), {
      message: 'must not contain credentials; set TENANT_REPO_READ_TOKEN instead',
    })
    .optional(),
  TENANT_REPO_READ_TOKEN: z.string().min(1).default('gldt-local-clusters-api'),
  DATA_DIR: z.string().min(1).default('.data/clusters-api'),
  /** Where the encrypted secrets live; instances sharing one remote should share this too. */
  SECRETS_DIR: z.string().min(1).optional(),
  SECRETS_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, {
      message: 'must be the base64 encoding of exactly 32 bytes (e.g. `openssl rand -base64 32`)',
    })
    .optional(),
  /** How long GitLab's answers about one token are reused. Never more than 60 s. */
  PERMISSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  GITLAB_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
  /**
   * A git transfer (push, fetch) that receives nothing for this long is given up as GitLab
   * unavailable: a hung GitLab must answer 503 within 5 s, not hold a save for a minute.
   */
  GIT_STALL_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(4_000),
  /** Reads trigger a background fetch when the last one is older than this. */
  REPO_REFRESH_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  /**
   * Which Nautes API generation the clusters API speaks. v0.3 by default: the product's user
   * guide and its seed requests speak v0.3, and `npm start` must work with nothing set.
   */
  NAUTES_API_VERSION: z
    .enum(NAUTES_API_VERSIONS, {
      error: (issue) =>
        `must be ${NAUTES_API_VERSIONS.map((v) => `"${v}"`).join(' or ')} (got ${JSON.stringify(issue.input)})`,
    })
    .default('v0.3'),
  LOG_LEVEL: logLevel,
});

export interface Config {
  host: string;
  port: number;
  gitlabUrl: string;
  tenantProject: string;
  tenantRepoUrl: string;
  tenantRepoReadToken: string;
  dataDir: string;
  secretsDir: string;
  secretsKey: Buffer | undefined;
  permissionCacheMs: number;
  gitlabTimeoutMs: number;
  gitStallTimeoutMs: number;
  repoRefreshMs: number;
  /** The Nautes API generation spoken on the clusters routes (body, replies, resource). */
  nautesApiVersion: NautesApiVersion;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** The environment handed to git child processes (only what git needs). */
  childEnv: Record<string, string>;
}

export { ConfigError } from '@cluster-console/server-kit';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const e = parseEnv('clusters-api', EnvSchema, present);
  const childEnv: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'SystemRoot']) {
    const value = env[key];
    if (value) childEnv[key] = value;
  }
  return {
    host: e.HOST,
    port: e.PORT,
    gitlabUrl: e.GITLAB_URL,
    tenantProject: e.TENANT_PROJECT,
    tenantRepoUrl: e.TENANT_REPO_URL ?? `${e.GITLAB_URL}/${e.TENANT_PROJECT}.git`,
    tenantRepoReadToken: e.TENANT_REPO_READ_TOKEN,
    dataDir: path.resolve(e.DATA_DIR),
    secretsDir: path.resolve(e.SECRETS_DIR ?? path.join(e.DATA_DIR, 'secrets')),
    secretsKey: e.SECRETS_KEY === undefined ? undefined : Buffer.from(e.SECRETS_KEY, 'base64'),
    permissionCacheMs: Math.round(e.PERMISSION_CACHE_SECONDS * 1000),
    gitlabTimeoutMs: e.GITLAB_TIMEOUT_MS,
    gitStallTimeoutMs: e.GIT_STALL_TIMEOUT_MS,
    repoRefreshMs: Math.round(e.REPO_REFRESH_SECONDS * 1000),
    nautesApiVersion: e.NAUTES_API_VERSION,
    logLevel: e.LOG_LEVEL,
    childEnv,
  };
}
