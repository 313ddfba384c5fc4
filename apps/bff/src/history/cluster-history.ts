import {
  CLUSTERS_DIR,
  clusterFileChange,
  clusterFilePath,
  KUSTOMIZATION_PATH,
  type ClusterHistory,
  type DeletedClusters,
  type HistoryCommit,
} from '@cluster-console/shared';
import type { GitLabCommit, GitLabRepositoryClient } from './gitlab-repository.client';
import type { Config } from '../config';

/** The tenant repository's GitLab project and branch. */
export type HistorySettings = Config['tenant'];

/** At most this many GitLab requests of one answer run at once. */
const CONCURRENCY = 6;

async function mapLimited<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

function commitSummary(commit: GitLabCommit): HistoryCommit {
  return {
    id: commit.id,
    short_id: commit.short_id,
    title: commit.title,
    author_name: commit.author_name,
    authored_date: commit.authored_date,
    web_url: commit.web_url,
  };
}

export interface PageQuery {
  page: number;
  perPage: number;
}

/**
 * The commits that touched a cluster's file, newest first, each with the fields it changed:
 * the file at the commit and at its first parent, read through GitLab, compared field by field.
 * A deleted cluster's commits are still there, the last one with the file absent.
 */
export async function clusterHistory(
  client: GitLabRepositoryClient,
  settings: HistorySettings,
  name: string,
  query: PageQuery,
): Promise<ClusterHistory> {
  const path = clusterFilePath(name);
  const { commits, nextPage } = await client.commits({ ref: settings.branch, path, ...query });
  const entries = await mapLimited(commits, async (commit) => {
    const parent = commit.parent_ids[0];
    const [before, after] = await Promise.all([
      parent ? client.rawFile(path, parent) : Promise.resolve(undefined),
      client.rawFile(path, commit.id),
    ]);
    return { commit: commitSummary(commit), ...clusterFileChange(before, after) };
  });
  return nextPage === undefined ? { entries } : { entries, next_page: nextPage };
}

const CLUSTER_FILE = new RegExp(
  `^${CLUSTERS_DIR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)\\.yaml$`,
);

/**
 * Clusters whose file a commit removed, newest first, from one page of the commits on the
 * clusters directory and each commit's diff. A page may hold no deletion: `next_page` goes on.
 */
export async function deletedClusters(
  client: GitLabRepositoryClient,
  settings: HistorySettings,
  query: PageQuery,
): Promise<DeletedClusters> {
  const { commits, nextPage } = await client.commits({
    ref: settings.branch,
    path: CLUSTERS_DIR,
    ...query,
  });
  const perCommit = await mapLimited(commits, async (commit) => {
    const diffs = await client.commitDiff(commit.id);
    return diffs
      .filter((diff) => diff.deleted_file && diff.old_path !== KUSTOMIZATION_PATH)
      .map((diff) => CLUSTER_FILE.exec(diff.old_path)?.[1])
      .filter((name): name is string => name !== undefined)
      .map((name) => ({
        name,
        deleted_at: commit.authored_date,
        deleted_by: commit.author_name,
        commit: commitSummary(commit),
      }));
  });
  const items = perCommit.flat();
  return nextPage === undefined ? { items } : { items, next_page: nextPage };
}
