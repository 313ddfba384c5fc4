import type { ServerMismatch } from '@cluster-console/shared';

/**
 * Where a kubeconfig's credentials may go: to its own server only. The one decision for every
 * request the check makes: the API server field (scheme, host and port) must be the kubeconfig's
 * own `server`, or the user must have confirmed this very address for this check; otherwise the
 * check runs without credentials (reachability, TLS, /version) and says why. A shared or
 * imported file can set the field to anything, and the token, password or client certificate
 * must not follow it there.
 */
export type Destination =
  { send: true; mismatch: null } | { send: boolean; mismatch: ServerMismatch; words: string };

/** The destination's words as a sentence of their own (a note). */
export const asSentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

/** `host:port` as the answer shows it and a confirmation must repeat it (`[v6]:port`). */
export function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

function parsed(server: string | undefined): URL | undefined {
  if (!server) return undefined;
  try {
    return new URL(server);
  } catch {
    return undefined;
  }
}

export function credentialDestination(
  ownServer: string | undefined,
  field: URL,
  confirmedFor: string | undefined,
): Destination {
  const own = parsed(ownServer);
  if (own && own.protocol === field.protocol && hostPort(own) === hostPort(field)) {
    return { send: true, mismatch: null };
  }
  const mismatch: ServerMismatch = {
    kubeconfig_server: own ? hostPort(own) : null,
    api_server: hostPort(field),
    confirmed: confirmedFor === hostPort(field),
  };
  const kubeconfigFor = own
    ? `the kubeconfig is for ${own.protocol === field.protocol ? hostPort(own) : own.origin}`
    : 'the kubeconfig names no server';
  const fieldIs = `the API server field is ${own && own.protocol !== field.protocol ? field.origin : mismatch.api_server}`;
  return mismatch.confirmed
    ? {
        send: true,
        mismatch,
        words: `credentials sent to ${mismatch.api_server} as you confirmed for this check: ${kubeconfigFor}, ${fieldIs}.`,
      }
    : {
        send: false,
        mismatch,
        words: `credentials not sent: ${kubeconfigFor}, ${fieldIs}. A kubeconfig's token, password or client certificate go only to its own server unless you confirm ${mismatch.api_server} for this check.`,
      };
}
