import type { Pem } from './certs';

export interface KubeconfigOptions {
  server: string;
  /** The CA to trust; none: the system's CAs. */
  caPem?: string;
  insecureSkipTlsVerify?: boolean;
  certificate?: Pem;
  token?: string;
  /** An exec credential plugin (the console must never run it). */
  exec?: { command: string; args?: string[] };
  /** A legacy auth provider (never run either). */
  authProvider?: string;
  /** Extra user fields, e.g. `tokenFile` paths. */
  userExtra?: Record<string, unknown>;
  /** Extra cluster fields, e.g. a broken `certificate-authority-data`. */
  clusterExtra?: Record<string, unknown>;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A one-context kubeconfig, as a reduced kubeconfig for Nautes looks. JSON is YAML. */
export function kubeconfigFor(options: KubeconfigOptions): string {
  const user: Record<string, unknown> = { ...options.userExtra };
  if (options.certificate) {
    user['client-certificate-data'] = b64(options.certificate.certPem);
    user['client-key-data'] = b64(options.certificate.keyPem);
  }
  if (options.token) user.token = options.token;
  if (options.exec) {
    user.exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: options.exec.command,
      args: options.exec.args ?? [],
      interactiveMode: 'Never',
    };
  }
  if (options.authProvider) user['auth-provider'] = { name: options.authProvider, config: {} };
  const cluster: Record<string, unknown> = { server: options.server, ...options.clusterExtra };
  if (options.caPem) cluster['certificate-authority-data'] = b64(options.caPem);
  if (options.insecureSkipTlsVerify) cluster['insecure-skip-tls-verify'] = true;
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'local-kube', cluster }],
      users: [{ name: 'local-kube-user', user }],
      contexts: [
        { name: 'local-kube', context: { cluster: 'local-kube', user: 'local-kube-user' } },
      ],
      'current-context': 'local-kube',
    },
    null,
    2,
  );
}

export interface ManagementKubeconfigOptions {
  server: string;
  caPem: string;
  /** The read-only watcher's bearer token (the current context: what the console uses). */
  watcherToken: string;
  /** The admin's client certificate (group system:masters), context `local-kube-admin`. */
  admin: Pem;
}

/** The local management cluster's kubeconfig: a read-only watcher (current) and an admin context. */
export function managementKubeconfig(options: ManagementKubeconfigOptions): string {
  const cluster = { server: options.server, 'certificate-authority-data': b64(options.caPem) };
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'local-kube', cluster }],
      users: [
        { name: 'cluster-watcher', user: { token: options.watcherToken } },
        {
          name: 'kube-admin',
          user: {
            'client-certificate-data': b64(options.admin.certPem),
            'client-key-data': b64(options.admin.keyPem),
          },
        },
      ],
      contexts: [
        {
          name: 'local-kube',
          context: { cluster: 'local-kube', user: 'cluster-watcher', namespace: 'nautes' },
        },
        {
          name: 'local-kube-admin',
          context: { cluster: 'local-kube', user: 'kube-admin', namespace: 'nautes' },
        },
      ],
      'current-context': 'local-kube',
    },
    null,
    2,
  );
}
