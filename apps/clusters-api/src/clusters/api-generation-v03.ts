/**
 * The v0.3 generation (the body of the product's user guide): `argocd_host`, `tekton_host`
 * and `traefik`. An update of a physical cluster may leave the kubeconfig out to keep the
 * stored one.
 */
import {
  applyDefaults,
  clusterReplyV03,
  ClusterSchema,
  SaveClusterBodyShapeSchema,
  toClusterResource,
  validateSaveBody,
  validateSaveRequest,
} from '@cluster-console/shared';
import { validationFailed } from '../http/api-error';
import type { ApiGeneration } from './api-generation';

export const apiGenerationV03: ApiGeneration = {
  version: 'v0.3',
  parseSave(name, input) {
    // The kubeconfig may be left out only when updating a physical cluster that has one
    // stored; that needs the repository's state, so the service checks it.
    const validation = validateSaveRequest(name, input, { kubeconfigOptional: true });
    if (!validation.ok) throw validationFailed(validation.fieldErrors);
    const body = applyDefaults(name, validation.body);
    return {
      rules: body,
      resource: toClusterResource(name, body),
      kubeconfig: body.cluster_type === 'physical' ? body.kubeconfig : undefined,
      missingKubeconfig: () => {
        const strict = validateSaveBody(input);
        return (
          (!strict.ok && strict.fieldErrors.kubeconfig) ||
          'A new physical cluster needs its kubeconfig.'
        );
      },
    };
  },
  // A cluster stored by the v0.4 generation has its components folded into the v0.3 fields.
  reply: clusterReplyV03,
  schemas: {
    saveBody: SaveClusterBodyShapeSchema,
    cluster: ClusterSchema.omit({ components_list: true }),
  },
};
