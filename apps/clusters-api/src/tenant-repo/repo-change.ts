/** What the service asks of the tenant repository: the types the store and its callers share. */
import type { Cluster, ClusterResource } from '@cluster-console/shared';

export interface CommitAuthor {
  name: string;
  email: string;
}

/** Cluster name -> Cluster, as the Cluster files of one commit hold them. */
export type ClusterIndex = ReadonlyMap<string, Cluster>;

export type RepoChange =
  | { kind: 'upsert'; name: string; resource: ClusterResource; message: string }
  | { kind: 'delete'; name: string; message: string };
