/**
 * Reading the Cluster files of one commit into the state the store answers from: the trees
 * from the root to the clusters folder, the kustomization's resources, and every valid Cluster
 * file parsed (by file name, with its blob, so that the next read parses only changed files).
 * One `git cat-file --batch` for the trees, one for the changed blobs.
 */
import {
  KUSTOMIZATION_PATH,
  fromClusterResource,
  parseClusterResourceYaml,
  parseKustomizationResources,
  type Cluster,
} from '@cluster-console/shared';
import type { Logger } from 'pino';
import { commitTree, parseTree, type GitObject } from './git-objects';
import { normalizeResources } from './kustomization-text';
import type { ObjectDatabase } from './object-database';
import { describeError } from './remote-errors';
import { CLUSTERS_PATH, KUSTOMIZATION_FILE, type TenantTree } from './tenant-tree';

export interface IndexedFile {
  blob: string;
  cluster: Cluster;
}

/** What one commit holds, as the store keeps it. */
export interface TenantState {
  tree: TenantTree;
  index: Map<string, Cluster>;
  /** Cluster files by file name, with the blob they were parsed from. */
  files: Map<string, IndexedFile>;
}

export const CLUSTER_FILE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.yaml$/;
const BLOB_MODES = new Set(['100644', '100755']);

export function emptyState(): TenantState {
  return {
    tree: { commit: undefined, levels: [], rootTree: undefined, resources: [] },
    index: new Map(),
    files: new Map(),
  };
}

/** Reads `commit` (undefined: a repository without commits), reusing `previous`'s parsed files. */
export async function readClusterFiles(
  objects: ObjectDatabase,
  commit: string | undefined,
  previous: ReadonlyMap<string, IndexedFile>,
  logger: Logger,
): Promise<TenantState> {
  if (commit === undefined) return emptyState();
  const [commitObject, ...trees] = await objects.read([
    commit,
    ...CLUSTERS_PATH.map((_, depth) => `${commit}:${CLUSTERS_PATH.slice(0, depth).join('/')}`),
    `${commit}:${CLUSTERS_PATH.join('/')}`,
  ]);
  if (commitObject?.type !== 'commit') throw new Error(`commit ${commit} cannot be read`);
  const levels = trees.map((tree) => {
    if (tree !== undefined && tree.type !== 'tree')
      throw new Error('the tenant repository has a file where the clusters folder should be');
    return tree ? parseTree(tree.data) : [];
  });
  const clusterEntries = levels[CLUSTERS_PATH.length] ?? [];
  const kustomizationEntry = clusterEntries.find((entry) => entry.name === KUSTOMIZATION_FILE);
  const wanted = clusterEntries.filter(
    (entry) =>
      BLOB_MODES.has(entry.mode) &&
      entry.name !== KUSTOMIZATION_FILE &&
      CLUSTER_FILE.test(entry.name) &&
      previous.get(entry.name)?.blob !== entry.oid,
  );
  const blobs = await objects.read([
    ...wanted.map((entry) => entry.oid),
    ...(kustomizationEntry ? [kustomizationEntry.oid] : []),
  ]);
  const files = new Map<string, IndexedFile>();
  const index = new Map<string, Cluster>();
  const read = new Map(wanted.map((entry, i) => [entry.name, blobs[i]]));
  for (const entry of clusterEntries) {
    const name = CLUSTER_FILE.exec(entry.name)?.[1];
    if (!name || entry.name === KUSTOMIZATION_FILE || !BLOB_MODES.has(entry.mode)) continue;
    let indexed = previous.get(entry.name);
    if (indexed?.blob !== entry.oid) {
      const cluster = parseClusterFile(entry.name, name, read.get(entry.name), logger);
      if (!cluster) continue;
      indexed = { blob: entry.oid, cluster };
    }
    files.set(entry.name, indexed);
    index.set(name, indexed.cluster);
  }
  const kustomizationBlob = kustomizationEntry ? blobs[wanted.length] : undefined;
  return {
    tree: {
      commit,
      levels,
      rootTree: commitTree(commitObject.data),
      resources: kustomizationEntry
        ? parseKustomization(kustomizationBlob?.data.toString('utf8') ?? '', logger)
        : [],
    },
    index,
    files,
  };
}

function parseKustomization(text: string, logger: Logger): readonly string[] | undefined {
  try {
    return normalizeResources(parseKustomizationResources(text));
  } catch (error) {
    // Reads still work; writes refuse until someone fixes the file (as before: a 500).
    logger.error(
      { file: KUSTOMIZATION_PATH, err: describeError(error) },
      'kustomization.yaml of the tenant repository cannot be read',
    );
    return undefined;
  }
}

function parseClusterFile(
  file: string,
  name: string,
  blob: GitObject | undefined,
  logger: Logger,
): Cluster | undefined {
  try {
    if (!blob) throw new Error('blob missing');
    const cluster = fromClusterResource(parseClusterResourceYaml(blob.data.toString('utf8')));
    if (cluster.name !== name) {
      logger.warn({ file }, 'cluster file name and metadata.name differ; file ignored');
      return undefined;
    }
    return cluster;
  } catch (error) {
    logger.warn(
      { file, err: describeError(error) },
      'cluster file is not a valid Cluster resource; ignored',
    );
    return undefined;
  }
}
