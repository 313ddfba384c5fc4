/** Kubeconfigs with random credentials (registered as secrets for the leak scan). */
import {
  markedKubeconfig as secretKubeconfig,
  markerOfKubeconfig as markerOf,
  type MarkedKubeconfig as SecretKubeconfig,
} from '../../../../../scripts/lib/test-support';

export { markerOf, secretKubeconfig, type SecretKubeconfig };

/** A physical host save body carrying `marker` in its primary domain and its kubeconfig. */
export function markedHostBody(marker: string): {
  body: Record<string, string>;
  secrets: SecretKubeconfig;
} {
  const secrets = secretKubeconfig(marker);
  return {
    secrets,
    body: {
      api_server: 'https://203.0.113.10:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      primary_domain: `${marker}.example.test`,
      kubeconfig: secrets.kubeconfig,
    },
  };
}
