import type { RequestOptions } from 'node:https';
import { readKubeconfig } from '@cluster-console/shared';
import { said, type Said } from './check-words';
import type { KubeConfig } from './kube-config';

/** What the check connects with: TLS material and headers, derived by @kubernetes/client-node. */
export interface CheckCredentials {
  ca: RequestOptions['ca'];
  cert: RequestOptions['cert'];
  key: RequestOptions['key'];
  /** `insecure-skip-tls-verify: true` in the kubeconfig. */
  skipTlsVerify: boolean;
  /** `tls-server-name`, when the kubeconfig names one. */
  tlsServerName: string | undefined;
  /** Authorization and impersonation headers, never logged. */
  headers: Record<string, string>;
  /** Which credential the user has, in words (no secret in it). */
  credential: 'client certificate' | 'bearer token' | 'basic auth' | 'none';
  /** What was in the kubeconfig and deliberately not used, in words. */
  notes: Said[];
  /** The kubeconfig's own server for the context, when it differs from the one checked. */
  kubeconfigServer: string | undefined;
  /** The kubeconfig's own server for the context, as written: where its credentials belong. */
  ownServer: string | undefined;
}

export type ReadCredentialsResult =
  { ok: true; credentials: CheckCredentials } | { ok: false; error: Said };

/** Loaded on the first connection check, not at start (see kube-config.ts). */
let kubeConfigClass: Promise<typeof KubeConfig> | undefined;
function loadKubeConfig(): Promise<typeof KubeConfig> {
  kubeConfigClass ??= import('./kube-config').then((module) => module.KubeConfig);
  return kubeConfigClass;
}

type Entry = Record<string, unknown>;

const asRecord = (value: unknown): Entry =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Entry) : {};

function named(list: unknown, name: unknown, field: string): Entry | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.map(asRecord);
  const entry = name === undefined ? entries[0] : entries.find((item) => item.name === name);
  return entry ? asRecord(entry[field]) : undefined;
}

/** Fields that would make the BFF read its own files, run a program or use a proxy. */
const CLUSTER_DROPPED: Record<string, Said> = {
  'certificate-authority': said('notes.certificate_authority_file'),
  'proxy-url': said('notes.proxy_url'),
};
const USER_DROPPED: Record<string, Said> = {
  exec: said('notes.exec'),
  'auth-provider': said('notes.auth_provider'),
  'client-certificate': said('notes.file_ignored', { field: 'client-certificate' }),
  'client-key': said('notes.file_ignored', { field: 'client-key' }),
  tokenFile: said('notes.token_file', { field: 'tokenFile' }),
  'token-file': said('notes.token_file', { field: 'token-file' }),
};

/**
 * Reads the kubeconfig's current context (or its only one) into what the check connects with.
 * The kubeconfig is parsed by the shared, bounded reader first and stripped of everything that
 * would run a program (exec, auth-provider), read a file of the console server (paths, token
 * files) or go through a proxy; only then is it handed to @kubernetes/client-node's KubeConfig,
 * which turns the rest into TLS options and headers, so nothing of the kind can run.
 */
export async function readCredentials(
  kubeconfig: string,
  apiServer: string,
): Promise<ReadCredentialsResult> {
  const read = readKubeconfig(kubeconfig);
  if (!read.ok) return { ok: false, error: said('skipped.kubeconfig', { error: read.error }) };
  const config = read.value;
  const contextName = config['current-context'];
  const context = named(config.contexts, contextName || undefined, 'context');
  if (!context) {
    return { ok: false, error: said('skipped.no_context') };
  }
  const cluster = { ...named(config.clusters, context.cluster, 'cluster') };
  const user = { ...named(config.users, context.user, 'user') };
  const notes: Said[] = [];
  for (const [field, note] of Object.entries(CLUSTER_DROPPED)) {
    if (field in cluster) notes.push(note);
    delete cluster[field];
  }
  for (const [field, note] of Object.entries(USER_DROPPED)) {
    if (field in user) notes.push(note);
    delete user[field];
  }
  const kubeconfigServer =
    typeof cluster.server === 'string' && cluster.server !== apiServer ? cluster.server : undefined;
  const ownServer = typeof cluster.server === 'string' ? cluster.server : undefined;
  cluster.server = apiServer;
  const kc = new (await loadKubeConfig())();
  try {
    kc.loadFromString(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'checked', cluster }],
        users: [{ name: 'checked', user }],
        contexts: [{ name: 'checked', context: { cluster: 'checked', user: 'checked' } }],
        'current-context': 'checked',
      }),
    );
  } catch (error) {
    const words = `The kubeconfig could not be read: ${(error as Error).message}`;
    return { ok: false, error: said('skipped.kubeconfig', { error: words }) };
  }
  const options: RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(options);
  } catch (error) {
    const words = `The kubeconfig could not be used: ${(error as Error).message}`;
    return { ok: false, error: said('skipped.kubeconfig', { error: words }) };
  }
  const current = kc.getCurrentCluster();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (typeof value === 'string') headers[name] = value;
  }
  if (typeof options.auth === 'string') {
    headers.Authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
  }
  return {
    ok: true,
    credentials: {
      ca: options.ca,
      cert: options.cert,
      key: options.key,
      skipTlsVerify: current?.skipTLSVerify === true,
      tlsServerName: current?.tlsServerName || undefined,
      headers,
      credential: options.cert
        ? 'client certificate'
        : headers.Authorization?.startsWith('Bearer ')
          ? 'bearer token'
          : options.auth
            ? 'basic auth'
            : 'none',
      notes,
      kubeconfigServer,
      ownServer,
    },
  };
}

/** The same server material (CA, TLS name) without anything that says who the user is. */
export function withoutCredentials(credentials: CheckCredentials): CheckCredentials {
  return { ...credentials, cert: undefined, key: undefined, headers: {}, credential: 'none' };
}
