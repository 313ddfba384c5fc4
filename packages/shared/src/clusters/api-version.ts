/**
 * The two generations of the Nautes clusters API. v0.3 is the body of the product's user guide
 * (`argocd_host`, `tekton_host`, `traefik`); v0.4 (the current Nautes release line) moved those
 * settings into `components_list`. Same routes, same error shape.
 */
export const NAUTES_API_VERSIONS = ['v0.3', 'v0.4'] as const;
export type NautesApiVersion = (typeof NAUTES_API_VERSIONS)[number];

export function isNautesApiVersion(value: unknown): value is NautesApiVersion {
  return NAUTES_API_VERSIONS.some((version) => version === value);
}

/** The `info.version` our OpenAPI document states for each generation. */
export function openApiVersionOf(version: NautesApiVersion): string {
  return version === 'v0.4' ? '0.4.0' : '0.3.0';
}

/** Reads a generation out of a version text such as "v0.4", "0.4.2" or "v0.3.1"; else undefined. */
export function nautesApiVersionFromText(text: unknown): NautesApiVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^v?0\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  if (match === null) return undefined;
  const minor = Number(match[1]);
  if (minor === 3) return 'v0.3';
  if (minor === 4) return 'v0.4';
  return undefined;
}
