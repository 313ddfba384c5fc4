import {
  applyDefaults,
  applyDefaultsV04,
  clusterFilePath,
  clusterResourceToYaml,
  kubeconfigSecretLocation,
  toClusterResource,
  toClusterResourceV04,
  type NautesApiVersion,
} from '@cluster-console/shared';
import { toSaveBody, toSaveBodyV04 } from './wizard-body';
import type { WizardValues } from './wizard-form';

/** The file the server of this generation commits, defaults filled in (v0.3 while unknown). */
export function clusterResourcePreview(
  name: string,
  values: WizardValues,
  generation: NautesApiVersion | undefined,
): string {
  try {
    const resource =
      generation === 'v0.4'
        ? toClusterResourceV04(name, applyDefaultsV04(name, toSaveBodyV04(values)))
        : toClusterResource(name, applyDefaults(name, toSaveBody(values)));
    return clusterResourceToYaml(resource);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Where the cluster's file goes in Git, and where its kubeconfig is kept. */
export function clusterFileLocation(name: string): { file: string; secret: string } {
  const secret = kubeconfigSecretLocation(name);
  return { file: clusterFilePath(name), secret: `${secret.mount}/${secret.path}` };
}
