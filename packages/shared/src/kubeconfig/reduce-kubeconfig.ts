import { stringify } from 'yaml';
import { namedEntries } from './inspect-kubeconfig';
import { readKubeconfig } from './read-kubeconfig';

export type ReduceKubeconfigResult =
  { ok: true; kubeconfig: string } | { ok: false; error: string };

function entryNamed(list: unknown, name: string): unknown {
  if (!Array.isArray(list)) return undefined;
  return list.find(
    (item: unknown) =>
      item !== null && typeof item === 'object' && (item as { name?: unknown }).name === name,
  );
}

/**
 * A kubeconfig holding only one context, its cluster and its user, with `current-context` set
 * to it: what the console stores for a cluster, so credentials for other clusters never leave
 * the user's machine. Never throws; see `reduceKubeconfig` for the throwing form.
 */
export function tryReduceKubeconfig(input: string, contextName: string): ReduceKubeconfigResult {
  const read = readKubeconfig(input);
  if (!read.ok) return { ok: false, error: read.error };
  const { value } = read;
  const context = entryNamed(value.contexts, contextName);
  const ref = namedEntries(value.contexts, 'context').find((c) => c.name === contextName)?.body;
  if (context === undefined || ref === undefined) {
    return { ok: false, error: `The kubeconfig has no context named "${contextName}".` };
  }
  const clusterName = typeof ref.cluster === 'string' ? ref.cluster : '';
  const userName = typeof ref.user === 'string' ? ref.user : '';
  const cluster = entryNamed(value.clusters, clusterName);
  if (cluster === undefined) {
    return {
      ok: false,
      error: `Context "${contextName}" names cluster "${clusterName}", which the kubeconfig does not define.`,
    };
  }
  const user = entryNamed(value.users, userName);
  if (user === undefined) {
    return {
      ok: false,
      error: `Context "${contextName}" names user "${userName}", which the kubeconfig does not define.`,
    };
  }
  const reduced = {
    apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : 'v1',
    kind: 'Config',
    clusters: [cluster],
    contexts: [context],
    users: [user],
    'current-context': contextName,
  };
  return { ok: true, kubeconfig: stringify(reduced, { lineWidth: 0, indentSeq: false }) };
}

/** Like `tryReduceKubeconfig`, but throws an Error with the message on failure. */
export function reduceKubeconfig(input: string, contextName: string): string {
  const result = tryReduceKubeconfig(input, contextName);
  if (!result.ok) throw new Error(result.error);
  return result.kubeconfig;
}
