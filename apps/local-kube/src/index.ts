export { createAuthority, issueCertificate, type Authority, type Pem } from './certs';
export { kubeconfigFor, type KubeconfigOptions } from './kubeconfig';
export {
  DEFAULT_USERS,
  startLocalKube,
  type KubeUser,
  type LocalKube,
  type LocalKubeOptions,
  type RecordedHandshake,
  type RecordedRequest,
} from './server';
