/**
 * Running one suite in both API generations: the suites write v0.3 bodies (the user guide's),
 * translated for v0.4 with the shared mapping, and name v0.3 field paths, renamed for v0.4.
 */
import {
  isPlainObject,
  v03BodyToV04,
  type NautesApiVersion,
  type SaveClusterBody,
} from '@cluster-console/shared';
import { V03_FIELD_PLACES_IN_V04 } from '../../src/clusters/v03-only-fields';

export const GENERATIONS: readonly NautesApiVersion[] = ['v0.3', 'v0.4'];

/** A v0.3 body as `version` expects it; anything but an object is sent as it is. */
export function bodyFor(version: NautesApiVersion, body: unknown): unknown {
  if (version === 'v0.3' || !isPlainObject(body)) return body;
  return v03BodyToV04(body as SaveClusterBody);
}

/** A v0.3 field path as `version` names it (`argocd_host` -> `components_list....host`). */
export function fieldFor(version: NautesApiVersion, path: string): string {
  if (version === 'v0.3') return path;
  return (V03_FIELD_PLACES_IN_V04 as Record<string, string>)[path] ?? path;
}
