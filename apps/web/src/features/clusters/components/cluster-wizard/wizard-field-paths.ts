import { CLIENT_COMPONENT_CATEGORIES, type ClientComponentCategory } from '@cluster-console/shared';
import { managedAdditionsOf } from './wizard-components';
import type { WizardField, WizardValues } from './wizard-form';

const RESERVED = 'reserved_namespaces_allowed_products';
const RESOURCES = 'product_allowed_cluster_resources';
const COMPONENTS = 'components_list';

const isCategory = (value: string | undefined): value is ClientComponentCategory =>
  (CLIENT_COMPONENT_CATEGORIES as readonly string[]).includes(value ?? '');

/** `rest` names `key` itself or something inside it (`key`, `key.0.kind`). */
const names = (rest: string, key: string) => rest === key || rest.startsWith(`${key}.`);

/** A `components_list.<category>...` path (either generation's server, or the shared rules). */
function componentField(path: string, values: WizardValues | undefined): WizardField | undefined {
  const [, category, part, key] = path.split('.');
  if (!isCategory(category)) return undefined;
  if (part === 'namespace') return `components.${category}.namespace`;
  if (part === 'additions' && key !== undefined) {
    const managed = managedAdditionsOf(category).find((entry) => entry.key === key);
    if (managed) return managed.field;
    const index = values?.components[category].additions.findIndex((row) => row.key.trim() === key);
    if (index !== undefined && index >= 0) return `components.${category}.additions.${index}.value`;
  }
  if (part === 'additions') {
    const first = managedAdditionsOf(category)[0];
    if (first) return first.field;
  }
  return `components.${category}.name`;
}

function reservedField(rest: string, values: WizardValues | undefined): WizardField | undefined {
  const rows = values?.reserved_namespaces ?? [];
  if (rows.length === 0) return undefined;
  const index = rows.findIndex((row) => names(rest, row.namespace.trim()));
  if (index < 0) return 'reserved_namespaces.0.namespace';
  const inside = rest.slice(rows[index]?.namespace.trim().length ?? 0);
  return inside.startsWith('.')
    ? `reserved_namespaces.${index}.products`
    : `reserved_namespaces.${index}.namespace`;
}

function resourceField(rest: string, values: WizardValues | undefined): WizardField | undefined {
  const rows = values?.cluster_resources ?? [];
  if (rows.length === 0) return undefined;
  const products = [...new Set(rows.map((row) => row.product.trim()))].sort(
    (a, b) => b.length - a.length,
  );
  const product = products.find((candidate) => names(rest, candidate));
  if (product === undefined) return 'cluster_resources.0.product';
  const [position, part] = rest.slice(product.length + 1).split('.');
  const indexes = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.product.trim() === product)
    .map(({ index }) => index);
  const index = indexes[Number(position)] ?? indexes[0] ?? 0;
  return part === 'kind' || part === 'group'
    ? `cluster_resources.${index}.${part}`
    : `cluster_resources.${index}.product`;
}

/**
 * A server (or shared-rule) field path -> the wizard field that shows it, if any. v0.4 paths
 * land where the user typed the value: `components_list.deployment.additions.host` on the
 * ArgoCD host field, a map entry on its row.
 */
export function formFieldFor(path: string, values?: WizardValues): WizardField | undefined {
  switch (path) {
    case 'cluster_type':
    case 'usage':
    case 'cluster_kind':
      return 'profile';
    case 'cluster_name':
    case 'worker_type':
    case 'kubeconfig':
    case 'host_cluster':
    case 'api_server':
    case 'primary_domain':
    case 'argocd_host':
    case 'tekton_host':
    case 'traefik.http_node_port':
    case 'traefik.https_node_port':
    case 'vcluster.https_node_port':
      return path;
    case 'traefik':
      return 'traefik.http_node_port';
    case 'vcluster':
      return 'vcluster.https_node_port';
    default:
  }
  if (path.startsWith(`${COMPONENTS}.`)) return componentField(path, values);
  if (path === RESERVED || path.startsWith(`${RESERVED}.`)) {
    return reservedField(path.slice(RESERVED.length + 1), values);
  }
  if (path === RESOURCES || path.startsWith(`${RESOURCES}.`)) {
    return resourceField(path.slice(RESOURCES.length + 1), values);
  }
  return undefined;
}
