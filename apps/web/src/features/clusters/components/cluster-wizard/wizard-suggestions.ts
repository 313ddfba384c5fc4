import {
  defaultArgocdHost,
  defaultPrimaryDomain,
  defaultTektonHost,
  type Cluster,
} from '@cluster-console/shared';
import {
  profileParts,
  selectedContextName,
  type KubeconfigInspection,
  type WizardValues,
} from './wizard-form';

/** Reads a kubeconfig (the tools' reader once downloaded; `reading` before). */
export type KubeconfigInspector = (kubeconfig: string) => KubeconfigInspection;

/** Fields whose value follows other fields until the user edits them. */
export const FOLLOWING_FIELDS = [
  'api_server',
  'primary_domain',
  'argocd_host',
  'tekton_host',
] as const;
export type FollowingField = (typeof FOLLOWING_FIELDS)[number];
export type Suggestions = Record<FollowingField, string>;

/** `https://<host's address>:<port>`: a vcluster is reached through a NodePort of its host. */
export function virtualApiServer(host: Cluster | undefined, port: string): string {
  if (!host || !/^[0-9]+$/.test(port.trim())) return '';
  try {
    const url = new URL(host.api_server);
    return `https://${url.hostname}:${port.trim()}`;
  } catch {
    return '';
  }
}

/** The server of the chosen kubeconfig context, unless it is loopback (only that machine's view). */
export function kubeconfigApiServer(
  values: Pick<WizardValues, 'kubeconfig' | 'kubeconfig_context'>,
  inspect: KubeconfigInspector,
): string {
  const inspection = inspect(values.kubeconfig);
  if (inspection.state !== 'ok') return '';
  const name = selectedContextName(inspection.info, values.kubeconfig_context);
  const context = inspection.info.contexts.find((candidate) => candidate.name === name);
  if (!context?.server || context.serverIsLoopback) return '';
  return context.server;
}

/**
 * What each following field would hold, given the rest of the form. Computed from the current
 * values, so a chain (API server -> primary domain -> ArgoCD host) settles in a few renders.
 */
export function computeSuggestions(
  values: WizardValues,
  clusters: ReadonlyMap<string, Cluster>,
  inspect: KubeconfigInspector,
): Suggestions {
  const { type, usage } = profileParts(values.profile);
  const apiServer =
    type === 'virtual'
      ? virtualApiServer(clusters.get(values.host_cluster), values.vcluster.https_node_port)
      : kubeconfigApiServer(values, inspect);
  const primaryDomain = defaultPrimaryDomain(values.api_server.trim()) ?? '';
  const name = values.cluster_name.trim();
  const domain = values.primary_domain.trim();
  const canName = Boolean(name && domain);
  return {
    api_server: apiServer,
    primary_domain: primaryDomain,
    argocd_host: usage === 'worker' && canName ? defaultArgocdHost(name, domain) : '',
    tekton_host:
      usage === 'worker' && values.worker_type === 'pipeline' && canName
        ? defaultTektonHost(name, domain)
        : '',
  };
}
