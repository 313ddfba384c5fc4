import { jsonObject } from '../api/json-object';
import { isNautesApiVersion } from '../clusters/api-version';
import type { NautesApiInfo } from './nautes-api.schema';

const SOURCES: readonly NautesApiInfo['source'][] = ['configured', 'server', 'clusters', 'none'];

/**
 * Reads `GET /api/console/nautes-api`'s answer as NautesApiInfoSchema does
 * (read-nautes-api-info.test.ts holds the two together), without zod: the list page asks for it
 * before its first render, and zod would add the shared schemas' chunk (~26 KiB gzipped) to that
 * download. What it does not know reads as unknown, never as a generation.
 */
export function readNautesApiInfo(value: unknown): NautesApiInfo {
  const info = jsonObject(value);
  if (info === undefined) return { version: 'unknown', source: 'none', message: '' };
  const { version, source, message } = info;
  return {
    version: isNautesApiVersion(version) ? version : 'unknown',
    source: SOURCES.find((known) => known === source) ?? 'none',
    message: typeof message === 'string' ? message : '',
  };
}
