import {
  CLUSTERS_DIR,
  clusterFieldsChange,
  clusterFileFields,
  clusterFilePath,
  type ClusterFields,
  KUSTOMIZATION_PATH,
  type ClusterHistory,
  type DeletedClusters,
  type HistoryCommit,
} from '@cluster-console/shared';
import pMap from 'p-map';
import type { GitLabCommit, GitLabRepositoryClient } from './gitlab-repository.client';
import type { CommitCache } from './commit-cache';
import type { Config } from '../config';

/** The tenant repository's GitLab project and branch. */
export type HistorySettings = Config['tenant'];

/** At most this many GitLab requests of one answer run at once. */
const CONCURRENCY = 6;

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

const CLUSTER_FILE = new RegExp(
  `^${CLUSTERS_DIR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)\\.yaml$`,
);

/** What one page reads through: GitLab (with the user's token) and the commits' cache. */
export interface HistorySource {
  client: GitLabRepositoryClient;
  cache: CommitCache;
}

/** A Cluster file's fields at a commit (undefined: absent), read once per commit and path. */
function fieldsAt(
  source: HistorySource,
  settings: HistorySettings,
  path: string,
  sha: string,
): Promise<ClusterFields | undefined> {
  return source.cache.through(`fields\0${settings.project}\0${sha}\0${path}`, async () => {
    const text = await source.client.rawFile(path, sha);
    return text === undefined ? undefined : clusterFileFields(text);
  });
}

/** The cluster names whose file a commit deleted, read once per commit. */
function deletedNamesOf(
  source: HistorySource,
  settings: HistorySettings,
  sha: string,
): Promise<string[]> {
  return source.cache.through(`deleted\0${settings.project}\0${sha}`, async () =>
    (await source.client.commitDiff(sha))
      .filter((diff) => diff.deleted_file && diff.old_path !== KUSTOMIZATION_PATH)
      .map((diff) => CLUSTER_FILE.exec(diff.old_path)?.[1])
      .filter((name): name is string => name !== undefined),
  );
}

/**
 * The commits that touched a cluster's file, newest first, each with the fields it changed:
 * the file at the commit and at its first parent, read through GitLab, compared field by field.
 * A deleted cluster's commits are still there, the last one with the file absent.
 */
export async function clusterHistory(
  source: HistorySource,
  settings: HistorySettings,
  name: string,
  query: PageQuery,
): Promise<ClusterHistory> {
  const path = clusterFilePath(name);
  const { commits, nextPage } = await source.client.commits({
    ref: settings.branch,
    path,
    ...query,
  });
  const entries = await pMap(
    commits,
    async (commit) => {
      const parent = commit.parent_ids[0];
      const [before, after] = await Promise.all([
        parent ? fieldsAt(source, settings, path, parent) : Promise.resolve(undefined),
        fieldsAt(source, settings, path, commit.id),
      ]);
      return { commit: commitSummary(commit), ...clusterFieldsChange(before, after) };
    },
    { concurrency: CONCURRENCY },
  );
  return nextPage === undefined ? { entries } : { entries, next_page: nextPage };
}

/**
 * Clusters whose file a commit removed, newest first, from one page of the commits on the
 * clusters directory and each commit's diff. A page may hold no deletion: `next_page` goes on.
 */
export async function deletedClusters(
  source: HistorySource,
  settings: HistorySettings,
  query: PageQuery,
): Promise<DeletedClusters> {
  const { commits, nextPage } = await source.client.commits({
    ref: settings.branch,
    path: CLUSTERS_DIR,
    ...query,
  });
  const perCommit = await pMap(
    commits,
    async (commit) => {
      const names = await deletedNamesOf(source, settings, commit.id);
      return names.map((name) => ({
        name,
        deleted_at: commit.authored_date,
        deleted_by: commit.author_name,
        commit: commitSummary(commit),
      }));
    },
    { concurrency: CONCURRENCY },
  );
  const items = perCommit.flat();
  return nextPage === undefined ? { items } : { items, next_page: nextPage };
}
