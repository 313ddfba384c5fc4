import { existsSync } from 'node:fs';
import type { Config } from '../config';
import type * as KubeLibraryModule from './kube-library';

export type KubeLibrary = typeof KubeLibraryModule;
export type KubeConfigInstance = InstanceType<KubeLibrary['KubeConfig']>;

/** Where Kubernetes mounts a Pod's service-account token (MANAGEMENT_CLUSTER=in-cluster). */
const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** A management-cluster setting that cannot work: main.ts stops the start with this one line. */
export class ManagementClusterError extends Error {
  override name = 'ManagementClusterError';
}

export interface ManagementCluster {
  library: KubeLibrary;
  kubeConfig: KubeConfigInstance;
  /** The API server's URL, for messages (never a credential). */
  server: string;
}

/**
 * Loads the credentials for the tenant management cluster, explicitly: the Pod's service
 * account or the given kubeconfig file, never the library's `loadFromDefault` (which falls back
 * to an unauthenticated http://localhost:8080). A kubeconfig without a current cluster is
 * refused here, at start, rather than failing every watch later.
 */
export async function loadManagementCluster(
  source: NonNullable<Config['clusterStatus']['source']>,
  tokenFile = SERVICE_ACCOUNT_TOKEN,
): Promise<ManagementCluster> {
  if (source.kind === 'in-cluster' && !existsSync(tokenFile)) {
    throw new ManagementClusterError(
      `MANAGEMENT_CLUSTER=in-cluster: no service-account token at ${tokenFile} (mount it: automountServiceAccountToken: true on the Pod, or use MANAGEMENT_KUBECONFIG)`,
    );
  }
  if (source.kind === 'kubeconfig' && !existsSync(source.path)) {
    throw new ManagementClusterError(`MANAGEMENT_KUBECONFIG: no file at ${source.path}`);
  }
  const library = await import('./kube-library');
  const kubeConfig = new library.KubeConfig();
  if (source.kind === 'in-cluster') {
    kubeConfig.loadFromCluster();
  } else {
    try {
      kubeConfig.loadFromFile(source.path);
    } catch (error) {
      // The parser's words only: the file's content (credentials) is never quoted.
      throw new ManagementClusterError(
        `MANAGEMENT_KUBECONFIG: ${source.path} is not a readable kubeconfig (${firstLine(error)})`,
      );
    }
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster?.server) {
    const context = kubeConfig.getCurrentContext();
    throw new ManagementClusterError(
      source.kind === 'kubeconfig'
        ? `MANAGEMENT_KUBECONFIG: ${source.path} has no current cluster (current-context ${context ? `"${context}" names no cluster with a server` : 'is not set'})`
        : 'MANAGEMENT_CLUSTER=in-cluster: the Pod environment names no API server',
    );
  }
  return { library, kubeConfig, server: cluster.server };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 160);
}
