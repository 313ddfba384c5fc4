import fastJsonPatch, { type Operation } from 'fast-json-patch';
import type { KubeObject } from './object-meta';
import { badRequest, StatusError } from './status-error';

const MERGE = 'application/merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

/** What kube-apiserver says to a patch type custom resources do not take (strategic merge, apply). */
const unsupported = () =>
  new StatusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${JSON_PATCH}, ${MERGE}`,
  );

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[name];
    else result[name] = mergePatch(result[name], value);
  }
  return result;
}

/** The patched object, by the request's Content-Type; a 415 for the types CRDs do not support. */
export function applyPatch(
  current: KubeObject,
  contentType: string | undefined,
  body: string,
): KubeObject {
  const type = (contentType ?? '').split(';')[0]?.trim();
  if (type !== MERGE && type !== JSON_PATCH) throw unsupported();
  let patch: unknown;
  try {
    patch = JSON.parse(body);
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
  if (type === MERGE) return mergePatch(current, patch) as KubeObject;
  if (!Array.isArray(patch)) {
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  try {
    return fastJsonPatch.applyPatch(current, patch as Operation[], true, false).newDocument;
  } catch (error) {
    throw new StatusError(
      422,
      'Invalid',
      `the server rejected our request due to an error in our request: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}
