/**
 * The Cluster resource a Nautes v0.4 server commits: the v0.3 resource's fields without
 * `argocdHost`/`tektonHost`/`traefik`, with the whole defaulted `componentsList`,
 * `creationTimestamp: null` and `status: {}`; `clusterResourceToYaml` sorts every key.
 */
import { toClusterResource, type ClusterResource } from './cluster-resource';
import { componentsToResource } from './components-case';
import type { DefaultedSaveBodyV04 } from './save-body-v04.schema';

export function toClusterResourceV04(name: string, body: DefaultedSaveBodyV04): ClusterResource {
  const { components_list: components, ...rest } = body;
  const base = toClusterResource(name, rest);
  return {
    ...base,
    metadata: { creationTimestamp: null, ...base.metadata },
    spec: { ...base.spec, componentsList: componentsToResource(components) },
    status: {},
  };
}
