/**
 * The v0.3 fields a v0.4 body has no place for. A real v0.4 server drops them silently (the
 * user's hosts and ports are lost and its defaults used); ours answers 400 on each one, naming
 * where the value belongs in v0.4.
 */
import { isPlainObject } from '@cluster-console/shared';

/** v0.3 field path -> its v0.4 place (nautes-v0.4.md, "What changed in the body"). */
export const V03_FIELD_PLACES_IN_V04 = {
  argocd_host: 'components_list.deployment.additions.host',
  tekton_host: 'components_list.pipeline.additions.host',
  'traefik.http_node_port': 'components_list.gateway.additions.httpNodePort',
  'traefik.https_node_port': 'components_list.gateway.additions.httpsNodePort',
} as const;

const TRAEFIK_PORTS = ['http_node_port', 'https_node_port'] as const;

/** `null` and `""` mean "not set" in either generation: only a value is refused. */
const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

const message = (field: string, place: string) =>
  `${field} is v0.3; in v0.4 it is ${place}. This server speaks v0.4: send the value there.`;

/** A field error for each v0.3-only field the input sets, keyed by its path. */
export function v03OnlyFieldErrors(input: unknown): Record<string, string> {
  if (!isPlainObject(input)) return {};
  const errors: Record<string, string> = {};
  for (const field of ['argocd_host', 'tekton_host'] as const) {
    if (isSet(input[field])) errors[field] = message(field, V03_FIELD_PLACES_IN_V04[field]);
  }
  const traefik = input.traefik;
  if (!isSet(traefik)) return errors;
  if (!isPlainObject(traefik)) {
    errors.traefik = message(
      'traefik',
      'components_list.gateway.additions (httpNodePort, httpsNodePort)',
    );
    return errors;
  }
  for (const port of TRAEFIK_PORTS) {
    const path = `traefik.${port}` as const;
    if (isSet(traefik[port])) errors[path] = message(path, V03_FIELD_PLACES_IN_V04[path]);
  }
  return errors;
}
