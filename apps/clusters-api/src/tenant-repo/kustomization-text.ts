/**
 * The kustomization's `resources` kept as a sorted list in memory, and its YAML text made
 * without the YAML library when every entry is a cluster file name: with thousands of
 * clusters, `kustomizationYaml` (a YAML document round trip) costs tens of milliseconds per
 * save, this costs well under one. The text is byte for byte what `kustomizationYaml`
 * writes (a test compares them); anything unusual in the list goes through it.
 */
import { kustomizationYaml } from '@cluster-console/shared';

/** Names that YAML writes as plain scalars whatever their letters: `<dns label>.yaml`. */
const PLAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\.yaml$/;

const HEADER = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

/** The list as `kustomizationYaml` orders it: unique, sorted by UTF-16 code units. */
export function normalizeResources(resources: readonly string[]): string[] {
  return [...new Set(resources)].sort();
}

export function kustomizationText(sortedResources: readonly string[]): string {
  if (!sortedResources.every((name) => PLAIN.test(name))) {
    return kustomizationYaml([...sortedResources]);
  }
  if (sortedResources.length === 0) return `${HEADER}resources: []\n`;
  return `${HEADER}resources:\n${sortedResources.map((name) => `- ${name}\n`).join('')}`;
}

/** A copy of the sorted list with `name` in place (binary search), or the same list. */
export function withResource(sorted: readonly string[], name: string): readonly string[] {
  const at = lowerBound(sorted, name);
  if (sorted[at] === name) return sorted;
  return [...sorted.slice(0, at), name, ...sorted.slice(at)];
}

export function withoutResource(sorted: readonly string[], name: string): readonly string[] {
  const at = lowerBound(sorted, name);
  if (sorted[at] !== name) return sorted;
  return [...sorted.slice(0, at), ...sorted.slice(at + 1)];
}

function lowerBound(sorted: readonly string[], name: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < name) low = mid + 1;
    else high = mid;
  }
  return low;
}
