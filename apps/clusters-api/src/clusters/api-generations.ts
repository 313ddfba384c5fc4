import type { NautesApiVersion } from '@cluster-console/shared';
import type { ApiGeneration } from './api-generation';
import { apiGenerationV03 } from './api-generation-v03';
import { apiGenerationV04 } from './api-generation-v04';

/** The generation a configured NAUTES_API_VERSION speaks. */
export function apiGenerationOf(version: NautesApiVersion): ApiGeneration {
  return version === 'v0.4' ? apiGenerationV04 : apiGenerationV03;
}
