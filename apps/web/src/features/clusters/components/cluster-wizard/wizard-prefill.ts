import {
  CLIENT_COMPONENT_CATEGORIES,
  type ClusterView,
  type ClientComponentCategory,
} from '@cluster-console/shared';
import {
  defaultComponentValues,
  managedAdditionsOf,
  type ComponentValues,
  type ComponentsValues,
} from './wizard-components';
import { EMPTY_WIZARD_VALUES, type Profile, type WizardValues } from './wizard-form';

/** The wizard's profile for a cluster's type and usage ('' for a pair the wizard has no card for). */
export function profileOf(cluster: { cluster_type: string; usage: string }): Profile | '' {
  if (cluster.cluster_type === 'physical' && cluster.usage === 'host') return 'physical-host';
  if (cluster.cluster_type === 'physical' && cluster.usage === 'worker') return 'physical-worker';
  if (cluster.cluster_type === 'virtual' && cluster.usage === 'worker') return 'virtual-worker';
  return '';
}

function componentValues(category: ClientComponentCategory, cluster: ClusterView): ComponentValues {
  const component = cluster.components?.[category];
  if (!component) return defaultComponentValues(category);
  // The hosts and ports live in the domains step's own fields; the rest are rows.
  const managed = managedAdditionsOf(category).map((entry) => entry.key);
  return {
    name: component.name,
    namespace: component.namespace,
    additions: Object.entries(component.additions ?? {})
      .filter(([key]) => !managed.includes(key))
      .map(([key, value]) => ({ key, value })),
  };
}

/**
 * The wizard's values for a cluster as the server returned it, of either generation (a v0.4
 * reply's hosts and ports are already read out of its components into the v0.3 fields). The
 * kubeconfig is never returned: it stays empty.
 */
export function clusterToWizardValues(cluster: ClusterView): WizardValues {
  const workerType = cluster.worker_type === 'pipeline' || cluster.worker_type === 'deployment';
  return {
    ...EMPTY_WIZARD_VALUES,
    profile: profileOf(cluster),
    worker_type: workerType ? (cluster.worker_type as WizardValues['worker_type']) : '',
    cluster_name: cluster.name,
    host_cluster: cluster.host_cluster ?? '',
    api_server: cluster.api_server,
    primary_domain: cluster.primary_domain ?? '',
    argocd_host: cluster.argocd_host ?? '',
    tekton_host: cluster.tekton_host ?? '',
    traefik: {
      http_node_port: cluster.traefik?.http_node_port ?? '',
      https_node_port: cluster.traefik?.https_node_port ?? '',
    },
    vcluster: { https_node_port: cluster.vcluster?.https_node_port ?? '' },
    components: Object.fromEntries(
      CLIENT_COMPONENT_CATEGORIES.map((category) => [category, componentValues(category, cluster)]),
    ) as ComponentsValues,
    reserved_namespaces: Object.entries(cluster.reserved_namespaces_allowed_products ?? {}).map(
      ([namespace, products]) => ({ namespace, products: products.join(', ') }),
    ),
    cluster_resources: Object.entries(cluster.product_allowed_cluster_resources ?? {}).flatMap(
      ([product, resources]) =>
        resources.map((resource) => ({ product, kind: resource.kind, group: resource.group })),
    ),
  };
}
