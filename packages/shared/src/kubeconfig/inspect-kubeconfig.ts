import { isLoopbackUrl } from './loopback';
import { readKubeconfig, type KubeconfigEncoding } from './read-kubeconfig';

/** How a kubeconfig user authenticates, as kubectl would pick it. */
export type KubeconfigAuth =
  | { kind: 'client-certificate' }
  | { kind: 'token' }
  | { kind: 'basic' }
  | { kind: 'exec'; command: string }
  | { kind: 'auth-provider'; provider: string }
  | { kind: 'none' };

export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The cluster's `server`; undefined when the cluster entry is missing or has none. */
  server?: string;
  serverIsLoopback: boolean;
  insecureSkipTlsVerify: boolean;
  hasCertificateAuthority: boolean;
  auth: KubeconfigAuth;
  /** The context names a cluster that the kubeconfig does not define. */
  clusterMissing: boolean;
  /** The context names a user that the kubeconfig does not define. */
  userMissing: boolean;
}

export interface KubeconfigInfo {
  encoding: KubeconfigEncoding;
  currentContext?: string;
  contexts: KubeconfigContext[];
  clusterNames: string[];
  userNames: string[];
}

export type InspectKubeconfigResult =
  { ok: true; kubeconfig: KubeconfigInfo } | { ok: false; error: string; line?: number };

type Entry = { name: string; body: Record<string, unknown> };

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Named entries of a kubeconfig list (`clusters`, `contexts`, `users`); malformed items are skipped. */
export function namedEntries(list: unknown, field: string): Entry[] {
  if (!Array.isArray(list)) return [];
  const entries: Entry[] = [];
  for (const item of list) {
    const entry = record(item);
    const name = entry === undefined ? undefined : entry.name;
    if (entry === undefined || typeof name !== 'string') continue;
    entries.push({ name, body: record(entry[field]) ?? {} });
  }
  return entries;
}

function authOf(user: Record<string, unknown> | undefined): KubeconfigAuth {
  if (user === undefined) return { kind: 'none' };
  const exec = record(user.exec);
  if (exec !== undefined) return { kind: 'exec', command: text(exec.command) ?? '' };
  const provider = record(user['auth-provider']);
  if (provider !== undefined) return { kind: 'auth-provider', provider: text(provider.name) ?? '' };
  if (text(user['client-certificate-data']) ?? text(user['client-certificate'])) {
    return { kind: 'client-certificate' };
  }
  if (text(user.token) ?? text(user.tokenFile)) return { kind: 'token' };
  if (text(user.username) ?? text(user.password)) return { kind: 'basic' };
  return { kind: 'none' };
}

/** Describes a parsed kubeconfig object (see `readKubeconfig`). */
export function describeKubeconfig(
  value: Record<string, unknown>,
  encoding: KubeconfigEncoding,
): KubeconfigInfo {
  const clusters = namedEntries(value.clusters, 'cluster');
  const users = namedEntries(value.users, 'user');
  const contexts = namedEntries(value.contexts, 'context').map(({ name, body }) => {
    const clusterName = text(body.cluster) ?? '';
    const userName = text(body.user) ?? '';
    const cluster = clusters.find((c) => c.name === clusterName)?.body;
    const user = users.find((u) => u.name === userName)?.body;
    const server = text(cluster?.server);
    const namespace = text(body.namespace);
    const context: KubeconfigContext = {
      name,
      cluster: clusterName,
      user: userName,
      serverIsLoopback: server !== undefined && isLoopbackUrl(server),
      insecureSkipTlsVerify: cluster?.['insecure-skip-tls-verify'] === true,
      hasCertificateAuthority:
        text(cluster?.['certificate-authority-data']) !== undefined ||
        text(cluster?.['certificate-authority']) !== undefined,
      auth: authOf(user),
      clusterMissing: cluster === undefined,
      userMissing: user === undefined,
    };
    if (namespace !== undefined) context.namespace = namespace;
    if (server !== undefined) context.server = server;
    return context;
  });
  const info: KubeconfigInfo = {
    encoding,
    contexts,
    clusterNames: clusters.map((c) => c.name),
    userNames: users.map((u) => u.name),
  };
  const current = text(value['current-context']);
  if (current !== undefined) info.currentContext = current;
  return info;
}

/**
 * Inspects a kubeconfig (raw YAML or base64 of it): its contexts and, per context, where the
 * server is, how the user authenticates and how TLS is checked. Never throws.
 */
export function inspectKubeconfig(input: string): InspectKubeconfigResult {
  const read = readKubeconfig(input);
  if (!read.ok) return read;
  return { ok: true, kubeconfig: describeKubeconfig(read.value, read.encoding) };
}

/**
 * Why a kubeconfig cannot be saved (not YAML, no cluster, no user), or undefined when it can.
 * The save-body rules use it for the `kubeconfig` field.
 */
export function kubeconfigProblem(input: string): string | undefined {
  const read = readKubeconfig(input);
  if (!read.ok) return read.error;
  const info = describeKubeconfig(read.value, read.encoding);
  if (info.clusterNames.length === 0) {
    return 'The kubeconfig has no clusters: it needs a "clusters" entry with a name and a server; export it with "kubectl config view --raw".';
  }
  if (info.userNames.length === 0) {
    return 'The kubeconfig has no users: it needs a "users" entry with credentials; export it with "kubectl config view --raw".';
  }
  return undefined;
}
