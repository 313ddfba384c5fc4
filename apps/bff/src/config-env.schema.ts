// The BFF's environment variables, each with its format, default and the message a wrong value
// gets. config.ts turns the parsed values into the Config the app reads.
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseNetwork } from './connection-check/ip-networks';

/** An empty variable means "not set" (shells and .env files produce them easily). */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema);

const httpUrl = (name: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` })
    .transform((value) => value.replace(/\/+$/, ''));

/**
 * The console's address for browsers: an origin, optionally with the path it is served under
 * (`https://host/console/`). The path becomes the cookie's Path, every redirect's start and
 * `<base href>` in index.html, so it is plain segments only; a query or fragment has no meaning.
 */
const publicUrlSchema = z
  .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL', abort: true })
  .refine(
    (value) => !value.includes('?') && !value.includes('#'),
    'PUBLIC_URL must not have a query or fragment (a path is fine: https://host/console/)',
  )
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  }, 'PUBLIC_URL must not hold a user name or password')
  .refine(
    (value) => PUBLIC_PATH.test(new URL(value).pathname),
    'PUBLIC_URL path must be plain segments of letters, digits, "-", "_", "." or "~" (e.g. /console/)',
  )
  .transform((value) => {
    // As browsers will address it: host lower-cased, dot segments resolved.
    const url = new URL(value);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

/** `/`, `/console`, `/tools/console/`: no empty, `.` or `..` segment, nothing to encode. */
const PUBLIC_PATH = /^(\/(?!\.{1,2}(\/|$))[\w.~-]+)*\/?$/;

const seconds = (name: string, fallback: number) =>
  optional(
    z.coerce
      .number()
      .int(`${name} is whole seconds`)
      .positive(`${name} must be positive`)
      .default(fallback),
  );

const count = (name: string, fallback: number) =>
  optional(
    z.coerce
      .number()
      .int(`${name} is a whole number`)
      .positive(`${name} must be positive`)
      .default(fallback),
  );

/** A comma- or space-separated list of CIDR networks (a bare address is a /32 or /128). */
const networks = (name: string) =>
  z.string().transform((value, ctx) => {
    try {
      return value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(parseNetwork);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} is a comma-separated list of CIDR networks: ${(error as Error).message}`,
      });
      return z.NEVER;
    }
  });

/** A Kubernetes object or namespace name (RFC 1123 label, at most 63 characters). */
const KUBE_NAME = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const EnvSchema = z.object({
  HOST: optional(z.string().default('127.0.0.1')),
  PORT: optional(z.coerce.number().int().min(0).max(65535).default(3000)),
  PUBLIC_URL: optional(publicUrlSchema.optional()),
  GITLAB_URL: optional(httpUrl('GITLAB_URL').default('http://127.0.0.1:8929')),
  GITLAB_CLIENT_ID: optional(z.string().default('cluster-console')),
  GITLAB_CLIENT_SECRET: optional(z.string().default('cluster-console-local-secret')),
  GITLAB_TOKEN_AUTH_METHOD: optional(
    z
      .enum(['client_secret_basic', 'client_secret_post'], {
        error: 'GITLAB_TOKEN_AUTH_METHOD is client_secret_basic or client_secret_post',
      })
      .default('client_secret_basic'),
  ),
  OAUTH_SCOPES: optional(
    z
      .string()
      .default('openid profile email api')
      .transform((value) => value.split(/[\s,]+/).filter(Boolean))
      .refine((scopes) => scopes.includes('openid'), 'OAUTH_SCOPES must include openid'),
  ),
  CLUSTERS_API_URL: optional(httpUrl('CLUSTERS_API_URL').default('http://127.0.0.1:8000')),
  SESSION_SECRET: optional(
    z
      .string()
      .transform((value) => value.split(',').map((secret) => secret.trim()))
      .refine(
        (secrets) => secrets.every((secret) => secret.length >= 32),
        'SESSION_SECRET needs at least 32 characters (a comma-separated list rotates secrets: newest first)',
      )
      .optional(),
  ),
  REDIS_URL: optional(
    z
      .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' })
      .optional(),
  ),
  WEB_DIST_DIR: optional(z.string().default('apps/web/dist')),
  SESSION_IDLE_TIMEOUT: seconds('SESSION_IDLE_TIMEOUT', 30 * 60),
  SESSION_ABSOLUTE_TIMEOUT: seconds('SESSION_ABSOLUTE_TIMEOUT', 12 * 60 * 60),
  SESSION_MAX_COUNT: count('SESSION_MAX_COUNT', 10_000),
  TOKEN_REFRESH_SKEW: optional(z.coerce.number().int().min(0).default(60)),
  UPSTREAM_TIMEOUT: seconds('UPSTREAM_TIMEOUT', 30),
  GITLAB_TIMEOUT: seconds('GITLAB_TIMEOUT', 10),
  RATE_LIMIT_WINDOW: seconds('RATE_LIMIT_WINDOW', 60),
  LOGIN_RATE_LIMIT: count('LOGIN_RATE_LIMIT', 30),
  MUTATION_RATE_LIMIT: count('MUTATION_RATE_LIMIT', 120),
  TRUST_PROXY: optional(z.string().optional()),
  INTERNAL_NETWORKS: optional(
    networks('INTERNAL_NETWORKS').default(['127.0.0.0/8', '::1/128'].map(parseNetwork)),
  ),
  TENANT_PROJECT: optional(
    z
      .string()
      .regex(/^(\d+|[\w.-]+(\/[\w.-]+)+)$/, {
        error: 'TENANT_PROJECT is a GitLab project id or full path, e.g. nautes/tenant-config',
      })
      .default('nautes/tenant-config'),
  ),
  TENANT_BRANCH: optional(
    z
      .string()
      .regex(/^(?!-)[\w./-]+$/, { error: 'TENANT_BRANCH is a branch name, e.g. main' })
      .default('main'),
  ),
  NAUTES_API_VERSION: optional(
    z
      .enum(['v0.3', 'v0.4', 'auto'], {
        error: 'NAUTES_API_VERSION is v0.3, v0.4 or auto (ask the clusters API)',
      })
      .default('auto'),
  ),
  CONNECTION_CHECK_ALLOWED_NETWORKS: optional(
    networks('CONNECTION_CHECK_ALLOWED_NETWORKS').optional(),
  ),
  CONNECTION_CHECK_ALLOW_HTTP: optional(
    z
      .enum(['true', 'false'], { error: 'CONNECTION_CHECK_ALLOW_HTTP is true or false' })
      .default('false'),
  ),
  CONNECTION_CHECK_TIMEOUT: seconds('CONNECTION_CHECK_TIMEOUT', 15),
  CONNECTION_CHECK_DNS_SERVERS: optional(
    z
      .string()
      .transform((value) => value.split(/[\s,]+/).filter(Boolean))
      .refine(
        (servers) => servers.length > 0 && servers.every(isDnsServer),
        'CONNECTION_CHECK_DNS_SERVERS is a comma-separated list of name server addresses: 10.0.0.2, 10.0.0.3:5353, [fd00::53]:53',
      )
      .optional(),
  ),
  CONNECTION_CHECK_RATE_LIMIT: count('CONNECTION_CHECK_RATE_LIMIT', 10),
  MANAGEMENT_CLUSTER: optional(
    z
      .enum(['in-cluster'], {
        error: 'MANAGEMENT_CLUSTER is in-cluster (the service account of the Pod), or unset',
      })
      .optional(),
  ),
  MANAGEMENT_KUBECONFIG: optional(z.string().optional()),
  MANAGEMENT_NAMESPACE: optional(
    z
      .string()
      .regex(KUBE_NAME, { error: 'MANAGEMENT_NAMESPACE is a namespace name, e.g. nautes' })
      .default('nautes'),
  ),
  ARGOCD_APPLICATION: optional(
    z
      .string()
      .regex(KUBE_NAME, { error: 'ARGOCD_APPLICATION is an Application name, e.g. nautes' })
      .optional(),
  ),
  ARGOCD_NAMESPACE: optional(
    z
      .string()
      .regex(KUBE_NAME, { error: 'ARGOCD_NAMESPACE is a namespace name, e.g. argocd' })
      .default('argocd'),
  ),
  // Set by Kubernetes in every Pod; read here only to tell MANAGEMENT_CLUSTER=in-cluster outside one.
  KUBERNETES_SERVICE_HOST: optional(z.string().optional()),
  HISTORY_RATE_LIMIT: count('HISTORY_RATE_LIMIT', 60),
  HISTORY_TIMEOUT: seconds('HISTORY_TIMEOUT', 20),
  HISTORY_MAX_RESPONSE_BYTES: count('HISTORY_MAX_RESPONSE_BYTES', 1024 * 1024),
  HISTORY_MAX_PAGE_BYTES: count('HISTORY_MAX_PAGE_BYTES', 16 * 1024 * 1024),
  HISTORY_CACHE_BYTES: count('HISTORY_CACHE_BYTES', 32 * 1024 * 1024),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: optional(z.string().optional()),
});

/** `ip`, `ip:port` or `[ipv6]:port`, as dns.Resolver#setServers takes them. */
function isDnsServer(text: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  const withPort = /^([\d.]+):(\d{1,5})$/.exec(text);
  const [address, port] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : withPort
      ? [withPort[1] ?? '', withPort[2]]
      : [text, undefined];
  return isIP(address) !== 0 && (port === undefined || (Number(port) > 0 && Number(port) < 65536));
}
