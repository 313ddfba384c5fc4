export { createAuthority, issueCertificate, type Authority, type Pem } from './certs';
export { kubeconfigFor, type KubeconfigOptions } from './kubeconfig';
export {
  DEFAULT_USERS,
  startLocalKube,
  WATCHER_RULES,
  type KubeUser,
  type LocalKube,
  type LocalKubeOptions,
  type RecordedHandshake,
  type RecordedRequest,
} from './server';
export { APPLICATIONS, CLUSTERS, type KindInfo } from './resources/kinds';
export type { KubeObject, ObjectMeta } from './resources/object-meta';
export type { Fault } from './resources/faults';
export {
  ResourceStore,
  type Admission,
  type AdmissionReview,
  type StoreEvent,
} from './resources/store';
export { StatusError } from './resources/status-error';
export {
  DEFAULT_CLUSTERS_PATH,
  startOperators,
  type OperatorsOptions,
  type RunningOperators,
} from './operators';
export { FINALIZER } from './operators/nautes-operators';
export { INSTANCE_LABEL } from './operators/argocd';
export { WEBHOOK } from './operators/webhook';
