import { jsonObject } from '../api/json-object';
import type { ApiErrorBody } from './api-error.schema';

/**
 * Reads an error body from any parsed JSON: the one reader of error bodies, for every client.
 * Returns undefined when it is not our shape, so a client can fall back to a message of its
 * own (the real server's bodies always match, but a proxy in between may answer with HTML).
 *
 * It accepts what ApiErrorBodySchema accepts (read-api-error-body.test.ts holds the two together),
 * and a body without `metadata` as one with none (its message is still shown), without zod: the web reads error bodies on its first page, whose download would
 * otherwise carry zod (the shared schemas' chunk, ~26 KiB gzipped, measured with vite build).
 */
export function parseApiErrorBody(input: unknown): ApiErrorBody | undefined {
  const body = jsonObject(input);
  if (body === undefined) return undefined;
  const { code, reason, message, metadata } = body;
  if (typeof code !== 'number' || !Number.isSafeInteger(code)) return undefined;
  if (typeof reason !== 'string' || typeof message !== 'string') return undefined;
  const fields = metadata === undefined ? {} : stringRecord(metadata);
  return fields === undefined ? undefined : { code, reason, message, metadata: fields };
}

/** A plain object of strings, copied (other keys of a body are not carried over). */
function stringRecord(value: unknown): Record<string, string> | undefined {
  const fields = jsonObject(value);
  if (fields === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(fields)) {
    if (typeof item !== 'string') return undefined;
    out[key] = item;
  }
  return out;
}
