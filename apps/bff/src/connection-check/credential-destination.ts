import type { CheckParams, ServerMismatch } from '@cluster-console/shared';
import { said, type Said } from './check-words';

/**
 * Where a kubeconfig's credentials may go: to its own server only. The one decision for every
 * request the check makes: the API server field (scheme, host and port) must be the kubeconfig's
 * own `server`, or the user must have confirmed this very address for this check; otherwise the
 * check runs without credentials (reachability, TLS, /version) and says why. A shared or
 * imported file can set the field to anything, and the token, password or client certificate
 * must not follow it there.
 */
export type Destination =
  | { send: true; mismatch: null }
  | {
      send: boolean;
      mismatch: ServerMismatch;
      /** Where the credentials went and why, as params for a `<name>_code` of `destination.*`. */
      words: CheckParams;
    };

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
  const otherScheme = own !== undefined && own.protocol !== field.protocol;
  const words: CheckParams = {
    destination_code: mismatch.confirmed ? 'destination.sent' : 'destination.not_sent',
    whose_code: own ? 'destination.kubeconfig_for' : 'destination.kubeconfig_no_server',
    field: otherScheme ? field.origin : mismatch.api_server,
    api_server: mismatch.api_server,
  };
  if (own) words.kubeconfig = otherScheme ? own.origin : hostPort(own);
  return { send: mismatch.confirmed, mismatch, words };
}

/** The destination as a note of its own (a sentence). */
export function destinationNote(words: CheckParams): Said {
  const sent = words.destination_code === 'destination.sent';
  return said(sent ? 'notes.credentials_sent' : 'notes.credentials_not_sent', words);
}
