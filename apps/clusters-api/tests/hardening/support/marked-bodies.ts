/**
 * Save bodies that carry a marker twice: in the cluster file (`primary_domain`) and in the
 * kubeconfig (its context name), so a reader can tell whether a file and its stored
 * kubeconfig come from the same request. The kubeconfigs hold random certificate, key and
 * token data, registered as secrets that must never show in a response or a log.
 */
import { markedKubeconfig, markerOfKubeconfig } from '../../../../../scripts/lib/test-support';

export { markedKubeconfig, markerOfKubeconfig };

export interface MarkedBody {
  marker: string;
  body: Record<string, unknown>;
  /** The kubeconfig's secret parts (certificate, key, token). */
  secrets: string[];
}

export function markerOfDomain(primaryDomain: string | undefined): string | undefined {
  return primaryDomain?.split('.')[0];
}

export function markedHost(marker: string): MarkedBody {
  const { kubeconfig, secrets } = markedKubeconfig(marker);
  return {
    marker,
    secrets,
    body: {
      api_server: 'https://203.0.113.10:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      primary_domain: `${marker}.example.test`,
      kubeconfig,
    },
  };
}
