/**
 * The commits of one push, built in memory on top of a state: each change becomes one commit
 * (blob, kustomization, trees, commit: tenant-tree.ts) authored as its caller, and the index
 * of clusters follows, so that the next change's rules see the ones before it.
 */
import {
  KUSTOMIZATION_PATH,
  clusterFileName,
  clusterFilePath,
  fromClusterResource,
  type Cluster,
} from '@cluster-console/shared';
import type { IndexedFile, TenantState } from './cluster-files';
import type { GitObject } from './git-objects';
import type { ClusterIndex, CommitAuthor, RepoChange } from './repo-change';
import { applyChange, type TenantTree } from './tenant-tree';
import type { WrittenFiles } from './working-clone';

export class CommitDraft {
  private tree: TenantTree;
  private readonly clusters: Map<string, Cluster>;
  private readonly files: Map<string, IndexedFile>;
  private readonly newObjects: GitObject[] = [];
  private readonly written = new Map<string, GitObject | undefined>();

  /** `base`: the state the commits go on, i.e. the remote's main as we last saw it. */
  constructor(readonly base: TenantState) {
    this.tree = base.tree;
    this.clusters = new Map(base.index);
    this.files = new Map(base.files);
  }

  /** The clusters with every change so far applied. */
  get index(): ClusterIndex {
    return this.clusters;
  }

  get objects(): readonly GitObject[] {
    return this.newObjects;
  }

  /** The state once the draft's last commit is the remote's main. */
  get result(): { state: TenantState; written: WrittenFiles } {
    return {
      state: { tree: this.tree, index: this.clusters, files: this.files },
      written: this.written,
    };
  }

  /** Adds `change` as a commit; false when it changes nothing (no commit). */
  add(change: RepoChange, author: CommitAuthor): boolean {
    if (this.tree.resources === undefined)
      throw new Error('kustomization.yaml of the tenant repository cannot be read');
    const applied = applyChange(this.tree, change, author);
    const file = clusterFileName(change.name);
    if (applied) {
      this.tree = applied.tree;
      this.newObjects.push(...applied.objects);
      this.written.set(clusterFilePath(change.name), applied.file);
      this.written.set(KUSTOMIZATION_PATH, applied.kustomization);
    }
    if (change.kind === 'upsert') {
      const cluster = fromClusterResource(change.resource);
      this.clusters.set(change.name, cluster);
      const blob = applied?.file?.oid ?? this.files.get(file)?.blob ?? '';
      this.files.set(file, { blob, cluster });
    } else {
      this.clusters.delete(change.name);
      this.files.delete(file);
    }
    return applied !== undefined;
  }

  /** The commit the draft ends with. */
  get head(): string | undefined {
    return this.tree.commit;
  }
}
