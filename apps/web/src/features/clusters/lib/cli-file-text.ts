import {
  writeCliClusterFile,
  type ClusterView,
  type NautesApiVersion,
} from '@cluster-console/shared';

// A module of its own, imported on the first download: the YAML writer (and the schemas the
// writer re-checks with) stays out of the list page's first download.

/** The clusters as a Nautes CLI cluster file (no kubeconfig: the writer puts a comment). */
export function cliFileText(
  clusters: readonly ClusterView[],
  generation: NautesApiVersion,
): string {
  return writeCliClusterFile(clusters, generation);
}
