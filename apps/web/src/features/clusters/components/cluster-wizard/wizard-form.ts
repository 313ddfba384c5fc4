import type { FieldPath } from 'react-hook-form';
import {
  DEFAULT_TRAEFIK_HTTP_NODE_PORT,
  DEFAULT_TRAEFIK_HTTPS_NODE_PORT,
  type Cluster,
  type KubeconfigInfo,
  type NautesApiVersion,
} from '@cluster-console/shared';
import { defaultComponentsValues, type ComponentsValues } from './wizard-components';
import { type ClusterResourceRow, type ReservedNamespaceRow } from './wizard-maps';

export const PROFILES = ['physical-host', 'physical-worker', 'virtual-worker'] as const;
export type Profile = (typeof PROFILES)[number];

/**
 * The wizard's one form. Field names are the save body's field paths (`traefik.http_node_port`),
 * so a server's `metadata` keys land on their fields as they are. `profile` stands for the
 * cluster_type/usage pair and `kubeconfig_context` for the context chosen in the browser.
 */
export interface WizardValues {
  profile: Profile | '';
  worker_type: '' | 'pipeline' | 'deployment';
  cluster_name: string;
  kubeconfig: string;
  kubeconfig_context: string;
  host_cluster: string;
  api_server: string;
  primary_domain: string;
  argocd_host: string;
  tekton_host: string;
  traefik: { http_node_port: string; https_node_port: string };
  vcluster: { https_node_port: string };
  /** v0.4's `components_list`; the hosts and ports stay in the fields above. */
  components: ComponentsValues;
  reserved_namespaces: ReservedNamespaceRow[];
  cluster_resources: ClusterResourceRow[];
}

export type WizardField = FieldPath<WizardValues>;

export const EMPTY_WIZARD_VALUES: WizardValues = {
  profile: '',
  worker_type: '',
  cluster_name: '',
  kubeconfig: '',
  kubeconfig_context: '',
  host_cluster: '',
  api_server: '',
  primary_domain: '',
  argocd_host: '',
  tekton_host: '',
  traefik: {
    http_node_port: DEFAULT_TRAEFIK_HTTP_NODE_PORT,
    https_node_port: DEFAULT_TRAEFIK_HTTPS_NODE_PORT,
  },
  vcluster: { https_node_port: '' },
  components: defaultComponentsValues(),
  reserved_namespaces: [],
  cluster_resources: [],
};

export function profileParts(profile: WizardValues['profile']): {
  type: 'physical' | 'virtual' | '';
  usage: 'host' | 'worker' | '';
} {
  switch (profile) {
    case 'physical-host':
      return { type: 'physical', usage: 'host' };
    case 'physical-worker':
      return { type: 'physical', usage: 'worker' };
    case 'virtual-worker':
      return { type: 'virtual', usage: 'worker' };
    default:
      return { type: '', usage: '' };
  }
}

/**
 * What the wizard knows besides the form: the clusters already registered and the Nautes API
 * generation the body is for (undefined while unknown).
 */
export interface WizardContext {
  clusters: ReadonlyMap<string, Cluster>;
  generation?: NautesApiVersion | undefined;
}

/** `reading`: the kubeconfig reader is still downloading (see inspectWith in wizard-tools-loader.ts). */
export type KubeconfigInspection =
  | { state: 'empty' }
  | { state: 'reading' }
  | { state: 'invalid'; error: string; line?: number }
  | { state: 'ok'; info: KubeconfigInfo };

/** The context that will be sent: the chosen one, else the only one, else the current one. */
export function selectedContextName(info: KubeconfigInfo, chosen: string): string | undefined {
  if (chosen && info.contexts.some((context) => context.name === chosen)) return chosen;
  if (info.contexts.length === 1) return info.contexts[0]?.name;
  return undefined;
}
