import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  CONSOLE_NAUTES_API_PATH,
  readNautesApiInfo,
  type NautesApiInfo,
} from '@cluster-console/shared';
import { apiRequest } from '../../../lib/api-client';

/**
 * The BFF's `GET /api/console/nautes-api`: which Nautes API generation the clusters API speaks,
 * and how the BFF knows. `version` is `unknown` when it could not tell: the console then says
 * so and asks, it never assumes.
 */
export async function getNautesApi(signal?: AbortSignal): Promise<NautesApiInfo> {
  // The contract's zod-free reader: the list page asks for this before its first render.
  return readNautesApiInfo(await apiRequest<unknown>(CONSOLE_NAUTES_API_PATH, { signal }));
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
