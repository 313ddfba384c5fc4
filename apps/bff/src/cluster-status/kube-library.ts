/**
 * The parts of @kubernetes/client-node the live status uses, on their own so that
 * management-cluster.ts loads them (a dynamic import of this module) only when a management
 * cluster is configured: a BFF without live status never carries the library (see
 * ../connection-check/kube-config.ts for the same reason). Named, static imports also let the
 * release bundle keep only what these need.
 */
export { ApiException, CustomObjectsApi, KubeConfig, Watch } from '@kubernetes/client-node';
