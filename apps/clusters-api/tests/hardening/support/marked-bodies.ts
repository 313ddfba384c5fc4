/**
 * Save bodies that carry a marker twice: in the cluster file (`primary_domain`) and in the
 * kubeconfig (its context name), so a reader can tell whether a file and its stored
 * kubeconfig come from the same request. The kubeconfigs hold random certificate, key and
 * token data, registered as secrets that must never show in a response or a log.
 */
import { randomBytes } from 'node:crypto';

export interface MarkedBody {
  marker: string;
  body: Record<string, unknown>;
  /** The kubeconfig's secret parts (certificate, key, token). */
  secrets: string[];
}

export function markedKubeconfig(marker: string): { kubeconfig: string; secrets: string[] } {
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
export function markerOfKubeconfig(kubeconfig: string): string | undefined {
  return /^current-context: (\S+)$/m.exec(kubeconfig)?.[1];
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
