/**
 * The components of a Nautes v0.4 cluster (`components_list`): which categories a kind of
 * cluster has, each category's default component, and the `additions` each one needs. The
 * facts are the Nautes v0.4 server's (see nautes-v0.4.md in the shared contract).
 */
import { defaultPrimaryDomain } from './defaults';

/** The categories a client may send, in the order the Nautes CLI and the console show them. */
export const CLIENT_COMPONENT_CATEGORIES = [
  'multi_tenant',
  'secret_sync',
  'gateway',
  'deployment',
  'progressive_delivery',
  'pipeline',
  'event_listener',
] as const;
/** The categories the server adds by itself; a client's values for them are dropped. */
export const SERVER_COMPONENT_CATEGORIES = ['secret_management', 'oauth_proxy'] as const;
export const COMPONENT_CATEGORIES = [
  ...CLIENT_COMPONENT_CATEGORIES,
  ...SERVER_COMPONENT_CATEGORIES,
] as const;

export type ClientComponentCategory = (typeof CLIENT_COMPONENT_CATEGORIES)[number];
export type ComponentCategory = (typeof COMPONENT_CATEGORIES)[number];

export interface Component {
  name: string;
  namespace: string;
  additions?: Record<string, string>;
}

/** `components_list`: a category the cluster lacks is absent (or `null` on the wire). */
export type ComponentsList = Partial<Record<ComponentCategory, Component>>;

export const DEFAULT_COMPONENTS: Readonly<
  Record<ComponentCategory, { name: string; namespace: string }>
> = {
  multi_tenant: { name: 'hnc', namespace: 'hnc-system' },
  secret_sync: { name: 'external-secrets', namespace: 'external-secrets' },
  gateway: { name: 'traefik', namespace: 'traefik' },
  deployment: { name: 'argocd', namespace: 'argocd' },
  progressive_delivery: { name: 'argo-rollouts', namespace: 'argo-rollouts' },
  pipeline: { name: 'tekton', namespace: 'tekton-pipelines' },
  event_listener: { name: 'argo-events', namespace: 'argo-events' },
  secret_management: { name: 'vault', namespace: 'vault' },
  oauth_proxy: { name: 'oauth2-proxy', namespace: 'oauth2-proxy' },
};

/** The `additions` keys a category requires, and what each holds. */
export const COMPONENT_ADDITION_KEYS: Readonly<
  Partial<Record<ComponentCategory, readonly ('host' | 'httpNodePort' | 'httpsNodePort')[]>>
> = {
  pipeline: ['host'],
  deployment: ['host'],
  gateway: ['httpNodePort', 'httpsNodePort'],
};

export const DEFAULT_GATEWAY_HTTP_NODE_PORT = '30080';
export const DEFAULT_GATEWAY_HTTPS_NODE_PORT = '30443';

export interface ClusterKindParts {
  cluster_type?: string;
  usage?: string;
  worker_type?: string;
}

/**
 * Which categories a cluster has, server-added ones included, in COMPONENT_CATEGORIES order.
 * An invalid combination (a virtual host, a worker without a type) has none.
 */
export function componentCategoriesFor({
  cluster_type: type,
  usage,
  worker_type: worker,
}: ClusterKindParts): ComponentCategory[] {
  let categories: ComponentCategory[] = [];
  if (type === 'physical' && usage === 'host') {
    categories = ['oauth_proxy', 'gateway', 'secret_management'];
  } else if (usage === 'worker' && (type === 'physical' || type === 'virtual')) {
    const common: ComponentCategory[] = [
      'multi_tenant',
      'secret_sync',
      'deployment',
      'secret_management',
    ];
    if (worker === 'deployment') {
      categories = [...common, 'progressive_delivery'];
      if (type === 'physical') categories.push('gateway');
    } else if (worker === 'pipeline') {
      categories = [...common, 'gateway', 'event_listener', 'pipeline'];
      if (type === 'physical') categories.push('oauth_proxy');
    }
  }
  return COMPONENT_CATEGORIES.filter((category) => categories.includes(category));
}

/** The categories of `componentCategoriesFor` that a client sends (server-added ones left out). */
export function clientCategoriesFor(parts: ClusterKindParts): ClientComponentCategory[] {
  const all = componentCategoriesFor(parts);
  return CLIENT_COMPONENT_CATEGORIES.filter((category) => all.includes(category));
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The domain v0.4's default hosts hang under: `<ip>.nip.io` for an API server given by IPv4
 * address, as the server writes it. For a host name the server resolves it to its first IP;
 * we never resolve names (nothing is contacted to fill a default), so the primary domain (or
 * the API server's host) stands in. Undefined when neither is known.
 */
export function componentHostDomain(apiServer: string, primaryDomain?: string): string | undefined {
  let host: string | undefined;
  try {
    host = new URL(apiServer).hostname;
  } catch {
    host = undefined;
  }
  if (host !== undefined && IPV4.test(host)) return `${host}.nip.io`;
  if (primaryDomain !== undefined && primaryDomain !== '') return primaryDomain;
  return defaultPrimaryDomain(apiServer);
}

/** The default `additions` of a category, or undefined when it has none. */
export function defaultAdditions(
  category: ComponentCategory,
  clusterName: string,
  hostDomain: string | undefined,
): Record<string, string> | undefined {
  switch (category) {
    case 'pipeline':
      return hostDomain === undefined ? {} : { host: `tekton.${clusterName}.${hostDomain}` };
    case 'deployment':
      return hostDomain === undefined ? {} : { host: `argocd.${clusterName}.${hostDomain}` };
    case 'gateway':
      return {
        httpNodePort: DEFAULT_GATEWAY_HTTP_NODE_PORT,
        httpsNodePort: DEFAULT_GATEWAY_HTTPS_NODE_PORT,
      };
    default:
      return undefined;
  }
}

const blank = (value: string | undefined) => value === undefined || value === '';

/** A component as a client may send it: every part optional, `""` meaning "the default". */
export interface PartialComponent {
  name?: string | undefined;
  namespace?: string | undefined;
  additions?: Record<string, string> | undefined;
}

export interface ComponentDefaultsInput extends ClusterKindParts {
  api_server: string;
  primary_domain?: string | undefined;
  components_list?: Partial<Record<string, PartialComponent | null | undefined>> | undefined;
}

/**
 * The cluster's whole `components_list` as a v0.4 server fills it: only the categories its
 * kind has (others dropped), the server-added ones from their defaults, an empty name or
 * namespace defaulted, missing `additions` keys filled. Values the client gave are kept.
 */
export function applyComponentDefaults(
  clusterName: string,
  input: ComponentDefaultsInput,
): ComponentsList {
  const hostDomain = componentHostDomain(input.api_server, input.primary_domain);
  const out: ComponentsList = {};
  for (const category of componentCategoriesFor(input)) {
    const sent = (SERVER_COMPONENT_CATEGORIES as readonly string[]).includes(category)
      ? undefined
      : input.components_list?.[category];
    const fallback = DEFAULT_COMPONENTS[category];
    const component: Component = {
      name: blank(sent?.name) ? fallback.name : (sent?.name as string),
      namespace: blank(sent?.namespace) ? fallback.namespace : (sent?.namespace as string),
    };
    const defaults = defaultAdditions(category, clusterName, hostDomain);
    const additions: Record<string, string> = { ...defaults };
    for (const [key, value] of Object.entries(sent?.additions ?? {})) {
      if (!blank(value)) additions[key] = value;
    }
    if (Object.keys(additions).length > 0) component.additions = additions;
    out[category] = component;
  }
  return out;
}

/** The namespaces of a (defaulted) components list, for the reserved-namespaces rule. */
export function componentNamespaces(components: ComponentsList): string[] {
  return [
    ...new Set(
      Object.values(components)
        .filter((component): component is Component => component != null)
        .map((component) => component.namespace),
    ),
  ].sort();
}

/** "reserved namespace <ns> is not in component list": the v0.4 server's rule, as a check. */
export function reservedNamespaceProblems(
  reserved: Record<string, unknown> | undefined,
  components: ComponentsList,
): { namespace: string; message: string }[] {
  if (reserved === undefined) return [];
  const namespaces = componentNamespaces(components);
  return Object.keys(reserved)
    .filter((namespace) => !namespaces.includes(namespace))
    .map((namespace) => ({
      namespace,
      message: `Reserved namespace "${namespace}" is not the namespace of one of this cluster's components (${namespaces.join(', ')}): use one of those, or remove it.`,
    }));
}
