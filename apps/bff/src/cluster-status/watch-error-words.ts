/**
 * A failed list or watch of the management cluster, in words a user (or an operator reading
 * the console) can act on. Errors come from two places in the library: the list call throws
 * an ApiException (`code`, `body`: the API server's Status as text), the watch an Error with
 * `statusCode`; a connection problem is a plain Error (node-fetch's FetchError) with `code`.
 */
export interface WatchTarget {
  /** "Cluster resources in namespace nautes", "the Argo CD Application nautes in namespace argocd". */
  what: string;
  /** The setting to check when the target does not exist. */
  missingHint: string;
  /** The permission the BFF needs, for a 403. */
  permission: string;
}

const MAX_MESSAGE = 600;

export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  if (typeof code === 'number') return code;
  return undefined;
}

/** The API server's own words from a Status body (`{"kind":"Status","message":...}`), if any. */
function serverMessage(error: unknown): string | undefined {
  const body = (error as { body?: unknown }).body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (parsed as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

export function describeWatchError(error: unknown, target: WatchTarget, server: string): string {
  const status = statusCodeOf(error);
  const said = serverMessage(error);
  // What to do first; the API server's own words after, as they may be long.
  const quoted = said ? ` Kubernetes said: ${said}` : '';
  let words: string;
  if (status === 401) {
    words = `The management cluster at ${server} did not accept the console's credentials (401 Unauthorized): check the user in MANAGEMENT_KUBECONFIG or the service account's token.${quoted}`;
  } else if (status === 403) {
    words = `The management cluster refused to show ${target.what} to the console (403 Forbidden): grant ${target.permission}.${quoted}`;
  } else if (status === 404) {
    words = `The management cluster has no ${target.what} (404 Not Found): ${target.missingHint}${quoted}`;
  } else if (status !== undefined) {
    words = `The management cluster answered HTTP ${status} for ${target.what}.${quoted}`;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    words = `The management cluster at ${server} could not be reached: ${message}`;
  }
  return words.length > MAX_MESSAGE ? `${words.slice(0, MAX_MESSAGE - 1)}…` : words;
}
