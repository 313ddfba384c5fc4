import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvSchema } from './config-env.schema';
import type { IpNetwork } from './connection-check/ip-networks';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(appDir, '../..');

export interface Config {
  host: string;
  port: number;
  /**
   * The browser-facing URL without a trailing slash: origin, and the base path when the console
   * is served under one (see base-path.ts); undefined means `http://127.0.0.1:<actual port>`
   * (main.ts fills it in).
   */
  publicUrl: string | undefined;
  gitlab: {
    url: string;
    clientId: string;
    clientSecret: string;
    tokenAuthMethod: 'client_secret_basic' | 'client_secret_post';
    scopes: string[];
    timeoutSeconds: number;
  };
  clustersApi: {
    url: string;
    timeoutSeconds: number;
    /** The Nautes API generation it speaks; `auto` asks it (see nautes-api-detector.ts). */
    nautesApiVersion: 'v0.3' | 'v0.4' | 'auto';
  };
  session: {
    secrets: string[];
    /** True when no SESSION_SECRET was given: sessions do not survive a restart. */
    secretGenerated: boolean;
    redisUrl: string | undefined;
    idleTimeoutSeconds: number;
    absoluteTimeoutSeconds: number;
    maxCount: number;
  };
  /** The tenant configuration repository at GitLab, read for cluster history. */
  tenant: {
    /** GitLab project: numeric id or full path. */
    project: string;
    /** The branch the clusters API commits to. */
    branch: string;
  };
  tokenRefreshSkewSeconds: number;
  webDistDir: string;
  rateLimits: { windowSeconds: number; login: number; mutations: number };
  /** Bounds of the history routes (history/history-limits.ts, history/commit-cache.ts). */
  history: {
    /** Pages per user per RATE_LIMIT_WINDOW, history and recently deleted together. */
    rateLimit: number;
    timeoutSeconds: number;
    maxResponseBytes: number;
    maxPageBytes: number;
    cacheBytes: number;
  };
  connectionCheck: {
    /** Undefined: any address the policy does not refuse (see address-policy.ts). */
    allowedNetworks: IpNetwork[] | undefined;
    allowHttp: boolean;
    timeoutSeconds: number;
    /** Checks per user per RATE_LIMIT_WINDOW. */
    rateLimit: number;
    /** Name servers for the check's lookups (c-ares); undefined: the system's. */
    dnsServers: string[] | undefined;
  };
  /**
   * Who may read `/readyz`'s details (and `/metrics`): see middleware/internal-network.ts.
   * Loopback only by default.
   */
  internalNetworks: IpNetwork[];
  /**
   * Live status (src/cluster-status/): the tenant management cluster the BFF watches. `source`
   * undefined: not configured (the console says so; everything else works).
   */
  clusterStatus: {
    source: { kind: 'in-cluster' } | { kind: 'kubeconfig'; path: string } | undefined;
    /** The tenant namespace holding the Cluster resources. */
    namespace: string;
    /** The tenant's Argo CD Application; undefined: not watched. */
    argoApplication: { namespace: string; name: string } | undefined;
  };
  /** Express's `trust proxy` setting: a hop count, `true`, or a list of addresses/subnets. */
  trustProxy: boolean | number | string | undefined;
  logLevel: string;
  /** NODE_ENV=production: main.ts refuses insecure settings (production-check.ts). */
  production: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The only place reading the environment. Relative paths are relative to the repository root. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`bff: invalid configuration\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  if (values.REDIS_URL && !values.SESSION_SECRET) {
    // Several instances share Redis; each would sign cookies with its own random secret.
    throw new ConfigError(
      'bff: invalid configuration\n  SESSION_SECRET: required when REDIS_URL is set',
    );
  }
  if (values.MANAGEMENT_CLUSTER && values.MANAGEMENT_KUBECONFIG) {
    throw new ConfigError(
      'bff: invalid configuration\n  MANAGEMENT_CLUSTER: set either MANAGEMENT_CLUSTER=in-cluster or MANAGEMENT_KUBECONFIG, not both',
    );
  }
  if (values.MANAGEMENT_CLUSTER && !values.KUBERNETES_SERVICE_HOST) {
    // Else the library would build https://undefined:undefined and fail on every watch.
    throw new ConfigError(
      'bff: invalid configuration\n  MANAGEMENT_CLUSTER: in-cluster needs a Pod (KUBERNETES_SERVICE_HOST is not set); outside one, use MANAGEMENT_KUBECONFIG',
    );
  }
  const publicUrl =
    values.PUBLIC_URL ?? (values.PORT === 0 ? undefined : `http://127.0.0.1:${values.PORT}`);
  return {
    host: values.HOST,
    port: values.PORT,
    publicUrl,
    gitlab: {
      url: values.GITLAB_URL,
      clientId: values.GITLAB_CLIENT_ID,
      clientSecret: values.GITLAB_CLIENT_SECRET,
      tokenAuthMethod: values.GITLAB_TOKEN_AUTH_METHOD,
      scopes: values.OAUTH_SCOPES,
      timeoutSeconds: values.GITLAB_TIMEOUT,
    },
    clustersApi: {
      url: values.CLUSTERS_API_URL,
      timeoutSeconds: values.UPSTREAM_TIMEOUT,
      nautesApiVersion: values.NAUTES_API_VERSION,
    },
    session: {
      secrets: values.SESSION_SECRET ?? [randomBytes(32).toString('base64url')],
      secretGenerated: !values.SESSION_SECRET,
      redisUrl: values.REDIS_URL,
      idleTimeoutSeconds: values.SESSION_IDLE_TIMEOUT,
      absoluteTimeoutSeconds: values.SESSION_ABSOLUTE_TIMEOUT,
      maxCount: values.SESSION_MAX_COUNT,
    },
    tenant: { project: values.TENANT_PROJECT, branch: values.TENANT_BRANCH },
    tokenRefreshSkewSeconds: values.TOKEN_REFRESH_SKEW,
    webDistDir: path.resolve(repoRoot, values.WEB_DIST_DIR),
    rateLimits: {
      windowSeconds: values.RATE_LIMIT_WINDOW,
      login: values.LOGIN_RATE_LIMIT,
      mutations: values.MUTATION_RATE_LIMIT,
    },
    history: {
      rateLimit: values.HISTORY_RATE_LIMIT,
      timeoutSeconds: values.HISTORY_TIMEOUT,
      maxResponseBytes: values.HISTORY_MAX_RESPONSE_BYTES,
      maxPageBytes: values.HISTORY_MAX_PAGE_BYTES,
      cacheBytes: values.HISTORY_CACHE_BYTES,
    },
    connectionCheck: {
      allowedNetworks: values.CONNECTION_CHECK_ALLOWED_NETWORKS,
      allowHttp: values.CONNECTION_CHECK_ALLOW_HTTP === 'true',
      timeoutSeconds: values.CONNECTION_CHECK_TIMEOUT,
      rateLimit: values.CONNECTION_CHECK_RATE_LIMIT,
      dnsServers: values.CONNECTION_CHECK_DNS_SERVERS,
    },
    internalNetworks: values.INTERNAL_NETWORKS,
    clusterStatus: {
      source: values.MANAGEMENT_CLUSTER
        ? { kind: 'in-cluster' }
        : values.MANAGEMENT_KUBECONFIG
          ? { kind: 'kubeconfig', path: path.resolve(repoRoot, values.MANAGEMENT_KUBECONFIG) }
          : undefined,
      namespace: values.MANAGEMENT_NAMESPACE,
      argoApplication: values.ARGOCD_APPLICATION
        ? { namespace: values.ARGOCD_NAMESPACE, name: values.ARGOCD_APPLICATION }
        : undefined,
    },
    trustProxy: parseTrustProxy(values.TRUST_PROXY),
    logLevel: values.LOG_LEVEL,
    production: values.NODE_ENV === 'production',
  };
}
