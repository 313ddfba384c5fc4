/**
 * The part of a tenant repository commit that saves and deletes touch, held in memory: the
 * trees from the root down to the clusters folder, and the kustomization's resource list.
 * `applyChange` turns one change into the new blob(s), trees and commit, from which the
 * push is made; nothing is written to a working tree and no git process runs.
 */
import {
  CLUSTERS_DIR,
  KUSTOMIZATION_PATH,
  clusterFileName,
  clusterResourceToYaml,
} from '@cluster-console/shared';
import {
  FILE_MODE,
  TREE_MODE,
  makeCommit,
  makeObject,
  makeTree,
  type GitObject,
  type Identity,
  type TreeEntry,
} from './git-objects';
import { kustomizationText, withResource, withoutResource } from './kustomization-text';
import type { RepoChange } from './repo-change';

/** `nautes`, `overlays`, `production`, `clusters`. */
export const CLUSTERS_PATH = CLUSTERS_DIR.split('/');
export const KUSTOMIZATION_FILE = KUSTOMIZATION_PATH.slice(CLUSTERS_DIR.length + 1);

export interface TenantTree {
  /** The commit described; undefined for a repository without commits. */
  commit: string | undefined;
  /** Tree objects' entries from the root (0) to the clusters folder (4); `[]` where missing. */
  levels: readonly (readonly TreeEntry[])[];
  /** The root tree's id, to tell a change that changes nothing. */
  rootTree: string | undefined;
  /**
   * The kustomization's resources (unique, sorted; empty when the file does not exist);
   * undefined when it cannot be read, which refuses writes.
   */
  resources: readonly string[] | undefined;
}

export interface AppliedChange {
  tree: TenantTree;
  /** The cluster's file (undefined for a delete). */
  file: GitObject | undefined;
  kustomization: GitObject;
  commit: GitObject;
  /** Every new object: changed blobs, the trees above them, the commit. */
  objects: GitObject[];
}

function replaceEntry(entries: readonly TreeEntry[], entry: TreeEntry): TreeEntry[] {
  const rest = entries.filter((existing) => existing.name !== entry.name);
  rest.push(entry);
  return rest;
}

/** The change as a new commit on top of `tree`, or undefined when it would change nothing. */
export function applyChange(
  tree: TenantTree,
  change: RepoChange,
  author: Identity,
): AppliedChange | undefined {
  const fileName = clusterFileName(change.name);
  const objects: GitObject[] = [];
  const clusters = tree.levels[CLUSTERS_PATH.length] ?? [];
  let entries: TreeEntry[] = clusters.filter((entry) => entry.name !== fileName);
  let resources = tree.resources ?? [];
  let file: GitObject | undefined;
  if (change.kind === 'upsert') {
    file = makeObject('blob', clusterResourceToYaml(change.resource));
    objects.push(file);
    entries.push({ mode: FILE_MODE, name: fileName, oid: file.oid });
    resources = withResource(resources, fileName);
  } else {
    resources = withoutResource(resources, fileName);
  }
  const kustomization = makeObject('blob', kustomizationText(resources));
  objects.push(kustomization);
  entries = replaceEntry(entries, {
    mode: FILE_MODE,
    name: KUSTOMIZATION_FILE,
    oid: kustomization.oid,
  });

  // Rebuild the trees from the clusters folder up to the root.
  const levels: TreeEntry[][] = [];
  let child = makeTree(entries);
  levels[CLUSTERS_PATH.length] = entries;
  objects.push(child);
  for (let depth = CLUSTERS_PATH.length - 1; depth >= 0; depth -= 1) {
    const name = CLUSTERS_PATH[depth] ?? '';
    const level = replaceEntry(tree.levels[depth] ?? [], { mode: TREE_MODE, name, oid: child.oid });
    levels[depth] = level;
    child = makeTree(level);
    objects.push(child);
  }
  if (child.oid === tree.rootTree) return undefined;
  const commit = makeCommit({
    tree: child.oid,
    parent: tree.commit,
    identity: author,
    message: change.message,
  });
  objects.push(commit);
  return {
    tree: { commit: commit.oid, levels, rootTree: child.oid, resources },
    file,
    kustomization,
    commit,
    objects,
  };
}
