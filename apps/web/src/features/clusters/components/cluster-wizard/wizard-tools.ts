/**
 * Everything the wizard runs that needs the YAML parser or the zod schemas, loaded on demand
 * through wizard-tools-loader.ts. Nothing else imports these at run time: a static import of
 * one of them would put YAML and zod back into the wizard's first download.
 */
export {
  CLI_FILE_MAX_BYTES,
  MAX_KUBECONFIG_BYTES,
  readCliClusterFile,
} from '@cluster-console/shared';
export { cliDraftToWizardValues } from './cli-file-values';
export { inspect, kubeconfigToSend } from './kubeconfig-tools';
export { buildSaveBody, redactedRequest, toSaveBody, toSaveBodyV04 } from './wizard-body';
export { clusterFileLocation, clusterResourcePreview } from './review-resource';
export { wizardResolver } from './wizard-validation';
