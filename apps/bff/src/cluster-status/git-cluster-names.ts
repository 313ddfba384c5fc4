import { CLUSTERS_API_PATH } from '@cluster-console/shared';
import { z } from 'zod';

/** Only the names: the rest of each cluster is the list page's business. */
const NamesSchema = z.object({
  items: z.preprocess((value) => value ?? [], z.array(z.object({ name: z.string() }))),
});

export class ClustersApiError extends Error {
  override name = 'ClustersApiError';
  constructor(
    message: string,
    /** The clusters API's HTTP status; undefined when it could not be reached or read. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * The clusters in the tenant repository, as the signed-in user reads them: the clusters API's
 * list with the session's token, as the proxy sends it (so the API's own rule applies too).
 */
export async function gitClusterNames(options: {
  clustersApiUrl: string;
  accessToken: string;
  requestId: string;
  timeoutMs: number;
}): Promise<Set<string>> {
  let response: Response;
  try {
    response = await fetch(`${options.clustersApiUrl}${CLUSTERS_API_PATH}`, {
      headers: {
        authorization: `Bearer ${options.accessToken}`,
        accept: 'application/json',
        'x-request-id': options.requestId,
      },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new ClustersApiError(
      `the clusters API could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ClustersApiError(
      `the clusters API answered HTTP ${response.status}`,
      response.status,
    );
  }
  const parsed = NamesSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ClustersApiError('the clusters API sent an unreadable list');
  return new Set(parsed.data.items.map((item) => item.name));
}
