import type { ClusterView, NautesApiVersion } from '@cluster-console/shared';

/** The file's name: the cluster's own for one cluster, `clusters.yaml` for a list. */
export function cliFileName(clusters: readonly ClusterView[]): string {
  const [first] = clusters;
  return clusters.length === 1 && first ? `${first.name}.yaml` : 'clusters.yaml';
}

/**
 * The generation a file is written for: the one the BFF reports, else the one the user picked,
 * else the one the replies themselves came in (the first cluster's), else v0.4.
 */
export function cliFileGeneration(
  reported: NautesApiVersion | 'unknown' | undefined,
  clusters: readonly ClusterView[],
  picked?: NautesApiVersion,
): NautesApiVersion {
  if (reported !== undefined && reported !== 'unknown') return reported;
  return picked ?? clusters[0]?.generation ?? 'v0.4';
}

/** Saves text as a file through a Blob, an object URL and a link's `download` attribute. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
