import {
  clientCategoriesFor,
  CLIENT_COMPONENT_CATEGORIES,
  DEFAULT_COMPONENTS,
  type ClientComponentCategory,
} from '@cluster-console/shared';

/** One `additions` entry as the form holds it: a key/value row. */
export interface AdditionRow {
  key: string;
  value: string;
}

/** One component of `components_list` as the form holds it. */
export interface ComponentValues {
  name: string;
  namespace: string;
  /** Additions other than the ones the domains step owns (see MANAGED_ADDITIONS). */
  additions: AdditionRow[];
}

export type ComponentsValues = Record<ClientComponentCategory, ComponentValues>;

/**
 * The additions the domains step's fields hold: one source of truth in the form. The
 * components editor shows them as rows bound to those same fields.
 */
export const MANAGED_ADDITIONS = {
  deployment: { host: 'argocd_host' },
  pipeline: { host: 'tekton_host' },
  gateway: { httpNodePort: 'traefik.http_node_port', httpsNodePort: 'traefik.https_node_port' },
} as const satisfies Partial<Record<ClientComponentCategory, Record<string, string>>>;

export type ManagedField =
  'argocd_host' | 'tekton_host' | 'traefik.http_node_port' | 'traefik.https_node_port';

export function managedAdditionsOf(
  category: ClientComponentCategory,
): { key: string; field: ManagedField }[] {
  const managed = (MANAGED_ADDITIONS as Partial<Record<string, Record<string, ManagedField>>>)[
    category
  ];
  return Object.entries(managed ?? {}).map(([key, field]) => ({ key, field }));
}

export function defaultComponentValues(category: ClientComponentCategory): ComponentValues {
  const fallback = DEFAULT_COMPONENTS[category];
  return { name: fallback.name, namespace: fallback.namespace, additions: [] };
}

export function defaultComponentsValues(): ComponentsValues {
  return Object.fromEntries(
    CLIENT_COMPONENT_CATEGORIES.map((category) => [category, defaultComponentValues(category)]),
  ) as ComponentsValues;
}

export function isDefaultComponent(category: ClientComponentCategory, value: ComponentValues) {
  const fallback = DEFAULT_COMPONENTS[category];
  return (
    value.name === fallback.name &&
    value.namespace === fallback.namespace &&
    value.additions.length === 0
  );
}

/** The client categories a kind of cluster has, from the wizard's profile and worker type. */
export function categoriesOf(type: string, usage: string, workerType: string) {
  return clientCategoriesFor({ cluster_type: type, usage, worker_type: workerType });
}
