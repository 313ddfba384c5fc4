/**
 * @kubernetes/client-node's KubeConfig, on its own so that kubeconfig-credentials.ts can load it
 * on the first connection check (a dynamic import of this module): the library holds about
 * 100 MB of memory when loaded whole (from source), which a BFF that never checks a
 * connection should not carry. A static, named import here also lets the release bundle keep
 * only what KubeConfig needs (a dynamic import of the package itself would bundle all of it).
 */
export { KubeConfig } from '@kubernetes/client-node';
