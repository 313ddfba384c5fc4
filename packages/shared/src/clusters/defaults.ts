import type { SaveClusterBody } from './save-body.schema';

export const DEFAULT_TRAEFIK_HTTP_NODE_PORT = '30080';
export const DEFAULT_TRAEFIK_HTTPS_NODE_PORT = '30443';

/** Kubernetes' default NodePort range; ports outside it are allowed but earn a warning. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/** True for a valid port outside the NodePort range; false for in-range or non-numeric input. */
export function isOutsideNodePortRange(port: string): boolean {
  if (!/^[0-9]+$/.test(port)) return false;
  const n = Number(port);
  return n < NODE_PORT_RANGE.min || n > NODE_PORT_RANGE.max;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * The default primary domain: the API server's host name, or `<ip>.nip.io` for an IPv4
 * address (nip.io resolves it back to the address, so names under it work without DNS).
 * Undefined for an IPv6 address or a URL that does not parse.
 */
export function defaultPrimaryDomain(apiServer: string): string | undefined {
  const url = parseUrl(apiServer);
  if (url === undefined || url.hostname === '' || url.hostname.startsWith('[')) return undefined;
  const host = url.hostname.replace(/\.$/, '');
  return IPV4.test(host) ? `${host}.nip.io` : host;
}

export function defaultArgocdHost(clusterName: string, primaryDomain: string): string {
  return `argocd.${clusterName}.${primaryDomain}`;
}

export function defaultTektonHost(clusterName: string, primaryDomain: string): string {
  return `tekton.${clusterName}.${primaryDomain}`;
}

/** The port of the API server URL (its scheme's default when none is written). */
export function defaultVclusterHttpsNodePort(apiServer: string): string | undefined {
  const url = parseUrl(apiServer);
  if (url === undefined) return undefined;
  if (url.port !== '') return url.port;
  if (url.protocol === 'https:') return '443';
  if (url.protocol === 'http:') return '80';
  return undefined;
}

const isEmpty = (value: string | undefined): value is undefined | '' =>
  value === undefined || value === '';

/**
 * The body with the contract's defaults filled in where a field is absent or empty: primary
 * domain from the API server; ArgoCD host for workers; Tekton host for pipeline workers;
 * Traefik ports for physical clusters; the vcluster port for virtual clusters. Never invents a
 * kubeconfig, and never changes a value the user gave.
 */
export function applyDefaults(clusterName: string, body: SaveClusterBody): SaveClusterBody {
  const out: SaveClusterBody = { ...body };
  if (isEmpty(out.primary_domain)) {
    const domain = defaultPrimaryDomain(body.api_server);
    if (domain === undefined) delete out.primary_domain;
    else out.primary_domain = domain;
  }
  const domain = out.primary_domain;
  if (body.usage === 'worker' && isEmpty(out.argocd_host) && domain !== undefined) {
    out.argocd_host = defaultArgocdHost(clusterName, domain);
  }
  if (
    body.usage === 'worker' &&
    body.worker_type === 'pipeline' &&
    isEmpty(out.tekton_host) &&
    domain !== undefined
  ) {
    out.tekton_host = defaultTektonHost(clusterName, domain);
  }
  if (body.cluster_type === 'physical') {
    const http = body.traefik?.http_node_port;
    const https = body.traefik?.https_node_port;
    out.traefik = {
      ...body.traefik,
      http_node_port: isEmpty(http) ? DEFAULT_TRAEFIK_HTTP_NODE_PORT : http,
      https_node_port: isEmpty(https) ? DEFAULT_TRAEFIK_HTTPS_NODE_PORT : https,
    };
  }
  if (body.cluster_type === 'virtual' && isEmpty(body.vcluster?.https_node_port)) {
    const port = defaultVclusterHttpsNodePort(body.api_server);
    if (port !== undefined) out.vcluster = { ...body.vcluster, https_node_port: port };
  }
  return out;
}
