/**
 * Checks for single values of the save body, each returning a message a user can act on, or
 * undefined when the value is fine. Shared by the save-body schema, the wizard and the defaults.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_NAME_MAX_LENGTH = 253;
export const DNS_LABEL_MAX_LENGTH = 63;

/** RFC 1123 subdomain, as Kubernetes checks it: lowercase labels joined by dots. */
export function isDnsName(value: string): boolean {
  return dnsNameProblem(value) === undefined;
}

export function dnsNameProblem(value: string): string | undefined {
  const example = 'e.g. "argocd.example.com"';
  if (value === '') return `Enter a DNS name, ${example}.`;
  if (value.length > DNS_NAME_MAX_LENGTH) {
    return `Use a DNS name of at most ${DNS_NAME_MAX_LENGTH} characters (this one has ${value.length}).`;
  }
  if (/[A-Z]/.test(value) && dnsNameProblem(value.toLowerCase()) === undefined) {
    return `Use lowercase letters only, e.g. "${value.toLowerCase()}".`;
  }
  if (/^[a-z][-a-z0-9+.]*:\/\//i.test(value) || value.includes('/')) {
    return `Enter a host name only, without "http://" or a path, ${example}.`;
  }
  if (value.includes(':')) {
    return `Enter a host name without a port, ${example}.`;
  }
  if (!/^[-a-z0-9.]+$/.test(value)) {
    return `Use only lowercase letters, digits, "-" and ".", ${example}.`;
  }
  for (const label of value.split('.')) {
    if (label === '')
      return `Remove the empty part between dots (or the dot at either end), ${example}.`;
    if (label.length > DNS_LABEL_MAX_LENGTH) {
      return `Each part between dots may have at most ${DNS_LABEL_MAX_LENGTH} characters; "${label.slice(0, 20)}..." has ${label.length}.`;
    }
    if (!DNS_LABEL.test(label)) {
      return `Start and end each part between dots with a letter or digit, not "-" ("${label}").`;
    }
  }
  return undefined;
}

/** A port: decimal digits only, 1-65535. */
export function portProblem(value: string): string | undefined {
  if (!/^[0-9]+$/.test(value)) {
    return `Enter the port as decimal digits only, e.g. "30443" (got "${value}").`;
  }
  const port = Number(value);
  if (port < 1 || port > 65535) return `Enter a port between 1 and 65535 (got ${value}).`;
  return undefined;
}

export function isPort(value: string): boolean {
  return portProblem(value) === undefined;
}

/** The API server: an absolute http(s) URL with a host and, if any, a port 1-65535. */
export function apiServerProblem(value: string): string | undefined {
  const example = 'e.g. "https://203.0.113.10:6443"';
  if (value.trim() !== value) return `Remove the spaces before or after the URL, ${example}.`;
  if (!/^https?:\/\//i.test(value)) {
    return `Start the address with "https://" (or "http://"), ${example}.`;
  }
  // Checked on the text, because URL refuses a bad port with an unhelpful error.
  const explicitPort =
    /^https?:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:@]*):([^/?#@]*)(?:[/?#]|$)/i.exec(value)?.[1];
  if (explicitPort !== undefined && explicitPort !== '') {
    if (portProblem(explicitPort) !== undefined) {
      return `Use a port between 1 and 65535 in the URL (got "${explicitPort}"), ${example}.`;
    }
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Enter a valid URL, ${example}.`;
  }
  if (url.hostname === '') return `Add the host of the API server, ${example}.`;
  if (url.username !== '' || url.password !== '') {
    return 'Remove the user name and password from the URL; credentials belong in the kubeconfig.';
  }
  return undefined;
}
