import { queryOptions, useQuery } from '@tanstack/react-query';
import { isNautesApiVersion, type NautesApiInfo } from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';

/**
 * The BFF's `GET /api/console/nautes-api`: which Nautes API generation the clusters API speaks,
 * and how the BFF knows. `version` is `unknown` when it could not tell: the console then says
 * so and asks, it never assumes.
 */
export const NAUTES_API_PATH = '/api/console/nautes-api';

export function readNautesApiInfo(value: unknown): NautesApiInfo {
  const raw = (value ?? {}) as Record<string, unknown>;
  const source = raw.source;
  return {
    version: isNautesApiVersion(raw.version) ? raw.version : 'unknown',
    source:
      source === 'configured' || source === 'server' || source === 'clusters' ? source : 'none',
    message: typeof raw.message === 'string' ? raw.message : '',
  };
}

export async function getNautesApi(signal?: AbortSignal): Promise<NautesApiInfo> {
  return readNautesApiInfo(await apiRequest<unknown>(NAUTES_API_PATH, { signal }));
}

export function nautesApiQueryOptions() {
  return queryOptions({
    queryKey: ['nautes-api'],
    queryFn: ({ signal }) => getNautesApi(signal),
    staleTime: 5 * 60_000,
  });
}

export function useNautesApi() {
  return useQuery(nautesApiQueryOptions());
}
