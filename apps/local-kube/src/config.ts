import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyAsUndefined, logLevel, parseEnv } from '@cluster-console/server-kit';
import { z } from 'zod';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(appDir, '../..');

const seconds = (name: string, fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `${name} is a number of seconds` })
      .min(0, `${name} is a number of seconds`)
      .default(fallback),
  );
const KUBE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const ConfigSchema = z.object({
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(6443)),
  DATA_DIR: z.preprocess(
    emptyAsUndefined,
    z.string().default(path.join(repoRoot, '.data/local-kube')),
  ),
  GITLAB_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'GITLAB_URL must be an http(s) URL' })
      .default('http://127.0.0.1:8929'),
  ),
  TENANT_PROJECT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w.-]+(\/[\w.-]+)+$/, 'TENANT_PROJECT is a project path, e.g. nautes/tenant-config')
      .default('nautes/tenant-config'),
  ),
  TENANT_BRANCH: z.preprocess(emptyAsUndefined, z.string().default('main')),
  GITLAB_READ_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(1).default('gldt-local-clusters-api'),
  ),
  NAMESPACE: z.preprocess(
    emptyAsUndefined,
    z.string().regex(KUBE_NAME, 'NAMESPACE is a namespace name, e.g. nautes').default('nautes'),
  ),
  ARGOCD_APPLICATION: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(KUBE_NAME, 'ARGOCD_APPLICATION is an Application name, e.g. nautes')
      .optional(),
  ),
  POLL_INTERVAL: seconds('POLL_INTERVAL', 3),
  SYNC_DELAY: seconds('SYNC_DELAY', 1),
  CLUSTER_OPERATOR_DELAY: seconds('CLUSTER_OPERATOR_DELAY', 1.5),
  ARGO_OPERATOR_DELAY: seconds('ARGO_OPERATOR_DELAY', 1),
  HEARTBEAT_INTERVAL: seconds('HEARTBEAT_INTERVAL', 60),
  DELETION_DELAY: seconds('DELETION_DELAY', 2),
  LOG_LEVEL: logLevel,
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** The kubeconfig written at start: `<dataDir>/kubeconfig`. */
  kubeconfigPath: string;
  repoUrl: string;
  branch: string;
  readToken: string;
  namespace: string;
  applicationName: string;
  timings: {
    pollIntervalMs: number;
    syncDelayMs: number;
    clusterOperatorDelayMs: number;
    argoOperatorDelayMs: number;
    heartbeatMs: number;
    deletionDelayMs: number;
  };
  logLevel: string;
}

export { ConfigError } from '@cluster-console/server-kit';

/** The only place reading the environment. Relative paths are relative to the working directory. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = parseEnv('local-kube', ConfigSchema, env);
  const dataDir = path.resolve(values.DATA_DIR);
  const ms = (value: number) => Math.round(value * 1000);
  return {
    host: values.HOST,
    port: values.PORT,
    dataDir,
    kubeconfigPath: path.join(dataDir, 'kubeconfig'),
    repoUrl: `${values.GITLAB_URL.replace(/\/+$/, '')}/${values.TENANT_PROJECT}.git`,
    branch: values.TENANT_BRANCH,
    readToken: values.GITLAB_READ_TOKEN,
    namespace: values.NAMESPACE,
    // The Nautes installer names the tenant's Application after the tenant (the project's group).
    applicationName: values.ARGOCD_APPLICATION ?? values.TENANT_PROJECT.split('/')[0] ?? 'nautes',
    timings: {
      pollIntervalMs: Math.max(ms(values.POLL_INTERVAL), 100),
      syncDelayMs: ms(values.SYNC_DELAY),
      clusterOperatorDelayMs: ms(values.CLUSTER_OPERATOR_DELAY),
      argoOperatorDelayMs: ms(values.ARGO_OPERATOR_DELAY),
      heartbeatMs: Math.max(ms(values.HEARTBEAT_INTERVAL), 100),
      deletionDelayMs: ms(values.DELETION_DELAY),
    },
    logLevel: values.LOG_LEVEL,
  };
}
