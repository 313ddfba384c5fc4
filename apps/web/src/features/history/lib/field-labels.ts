import type { TFunction } from 'i18next';

/**
 * Words for the dotted paths the history reports (`spec.traefik.httpNodePort` from a v0.3
 * file, `spec.componentsList.gateway.additions.httpNodePort` from a v0.4 one). A path no rule
 * knows is shown as it is: exact, if not pretty.
 */
const EXACT: Record<string, string> = {
  'metadata.name': 'name',
  'metadata.namespace': 'namespace',
  'spec.apiServer': 'apiServer',
  'spec.clusterKind': 'clusterKind',
  'spec.clusterType': 'clusterType',
  'spec.usage': 'usage',
  'spec.workerType': 'workerType',
  'spec.hostCluster': 'hostCluster',
  'spec.primaryDomain': 'primaryDomain',
  'spec.kubeconfig': 'kubeconfig',
  'spec.argocdHost': 'argocdHost',
  'spec.componentsList.deployment.additions.host': 'argocdHost',
  'spec.tektonHost': 'tektonHost',
  'spec.componentsList.pipeline.additions.host': 'tektonHost',
  'spec.traefik.httpNodePort': 'traefikHttp',
  'spec.componentsList.gateway.additions.httpNodePort': 'traefikHttp',
  'spec.traefik.httpsNodePort': 'traefikHttps',
  'spec.componentsList.gateway.additions.httpsNodePort': 'traefikHttps',
  'spec.vcluster.httpsNodePort': 'vclusterHttps',
};

/** The file's component categories, as the v0.4 Cluster resource spells them. */
const CATEGORIES = new Set([
  'multiTenant',
  'secretSync',
  'gateway',
  'deployment',
  'progressiveDelivery',
  'pipeline',
  'eventListener',
  'secretManagement',
  'oauthProxy',
]);

const COMPONENT = /^spec\.componentsList\.(\w+)\.(name|namespace)$/;
const RESERVED = /^spec\.reservedNamespacesAllowedProducts\.([^.[]+)\[\d+\]$/;
const RESOURCE = /^spec\.productAllowedClusterResources\.([^.[]+)\[\d+\]\.(kind|group)$/;

export function fieldLabel(t: TFunction, path: string): string {
  const exact = EXACT[path];
  if (exact) return t(`history.fields.${exact}`);
  const component = COMPONENT.exec(path);
  if (component?.[1] && component[2] && CATEGORIES.has(component[1]))
    return t(`history.fields.component.${component[2]}`, {
      category: t(`history.categories.${component[1]}`),
    });
  const reserved = RESERVED.exec(path);
  if (reserved?.[1]) return t('history.fields.reservedNamespace', { namespace: reserved[1] });
  const resource = RESOURCE.exec(path);
  if (resource?.[1] && resource[2])
    return t(`history.fields.clusterResource.${resource[2]}`, { product: resource[1] });
  return path;
}
