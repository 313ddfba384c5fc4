/**
 * The v0.4 generation (the current Nautes release line, nautes-v0.4.md): `components_list`
 * instead of `argocd_host`, `tekton_host` and `traefik`; the components filled as a v0.4 server
 * fills them; the v0.4 Cluster resource; replies without the v0.3 fields. Stricter than the
 * real server where it would lose a user's value silently (see v03-only-fields.ts and
 * component-categories.ts), and, as there, a physical cluster needs its kubeconfig every time.
 */
import {
  addError,
  applyDefaultsV04,
  clusterReplyV04,
  ClusterSchema,
  isPlainObject,
  SaveClusterBodyV04ShapeSchema,
  toClusterResourceV04,
  validateSaveRequestV04,
} from '@cluster-console/shared';
import { validationFailed } from '../http/api-error';
import type { ApiGeneration } from './api-generation';
import { componentCategoryErrors } from './component-categories';
import { v03OnlyFieldErrors } from './v03-only-fields';

export const KUBECONFIG_REQUIRED_V04 =
  'Paste the kubeconfig of this physical cluster (YAML or base64): Nautes v0.4 needs it on every save, updates included.';

/** A physical cluster without a kubeconfig: v0.4 refuses it, even when one is stored. */
function missingKubeconfigError(input: unknown): Record<string, string> {
  if (!isPlainObject(input) || input.cluster_type !== 'physical') return {};
  const kubeconfig = input.kubeconfig;
  const absent = kubeconfig === undefined || kubeconfig === null || kubeconfig === '';
  return absent ? { kubeconfig: KUBECONFIG_REQUIRED_V04 } : {};
}

/** A v0.4 cluster reply: the v0.3 fields and `vcluster` are not part of it. */
const ClusterV04Schema = ClusterSchema.omit({
  argocd_host: true,
  tekton_host: true,
  traefik: true,
  vcluster: true,
});

export const apiGenerationV04: ApiGeneration = {
  version: 'v0.4',
  parseSave(name, input) {
    // A missing kubeconfig gets its v0.4 message below; a given one is still checked.
    const validation = validateSaveRequestV04(name, input, { kubeconfigOptional: true });
    const fieldErrors: Record<string, string> = validation.ok ? {} : { ...validation.fieldErrors };
    for (const errors of [
      v03OnlyFieldErrors(input),
      componentCategoryErrors(input),
      missingKubeconfigError(input),
    ]) {
      for (const [path, message] of Object.entries(errors)) addError(fieldErrors, path, message);
    }
    if (!validation.ok || Object.keys(fieldErrors).length > 0) {
      throw validationFailed(fieldErrors);
    }
    const body = applyDefaultsV04(name, validation.body);
    return {
      rules: body,
      resource: toClusterResourceV04(name, body),
      kubeconfig: body.cluster_type === 'physical' ? body.kubeconfig : undefined,
      missingKubeconfig: () => KUBECONFIG_REQUIRED_V04,
    };
  },
  reply: clusterReplyV04,
  schemas: { saveBody: SaveClusterBodyV04ShapeSchema, cluster: ClusterV04Schema },
};
