/** Kubeconfigs with random credentials (registered as secrets for the leak scan). */
import { randomBytes } from 'node:crypto';

export interface SecretKubeconfig {
  kubeconfig: string;
  /** Its certificate, key and token data. */
  secrets: string[];
}

/** A valid kubeconfig whose cluster and context are named `marker`. */
export function secretKubeconfig(marker: string): SecretKubeconfig {
  const ca = randomBytes(96).toString('base64');
  const cert = randomBytes(96).toString('base64');
  const key = randomBytes(96).toString('base64');
  const token = `kc-token-${randomBytes(18).toString('hex')}`;
  const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: ${marker}
  cluster:
    server: https://203.0.113.10:6443
    certificate-authority-data: ${ca}
contexts:
- name: ${marker}
  context: {cluster: ${marker}, user: admin-${marker}}
current-context: ${marker}
users:
- name: admin-${marker}
  user:
    client-certificate-data: ${cert}
    client-key-data: ${key}
    token: ${token}
`;
  return { kubeconfig, secrets: [ca, cert, key, token] };
}

/** The marker a stored kubeconfig was saved with (its current context). */
export function markerOf(kubeconfig: string): string | undefined {
  return /^current-context: (\S+)$/m.exec(kubeconfig)?.[1];
}

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
