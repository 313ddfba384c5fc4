import { parse, stringify } from 'yaml';

/**
 * The kustomization.yaml beside the cluster files: every file name once, sorted, so two
 * saves in any order produce the same file.
 */
export function kustomizationYaml(fileNames: string[]): string {
  const resources = [...new Set(fileNames)].sort();
  return stringify(
    { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources },
    { lineWidth: 0, indentSeq: false },
  );
}

/** The `resources` listed in a kustomization.yaml; throws when the text is not one. */
export function parseKustomizationResources(text: string): string[] {
  const value: unknown = parse(text, { maxAliasCount: 100 });
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('kustomization.yaml is not a YAML mapping.');
  }
  const resources = (value as { resources?: unknown }).resources;
  if (resources === undefined || resources === null) return [];
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) {
    throw new Error('kustomization.yaml "resources" must be a list of file names.');
  }
  return resources;
}
