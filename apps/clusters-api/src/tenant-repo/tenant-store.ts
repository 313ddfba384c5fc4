/**
 * The tenant configuration repository as a narrow store:
 * - `read` side: the Cluster files of the commit last fetched or pushed, kept in memory
 *   (cluster name -> Cluster); a read may start a background fetch, never waits for one;
 * - `write` side: `draft()` builds commits on that state in memory (commit-draft.ts), `push`
 *   sends them with the caller's token and answers `moved` when the remote's main is not the
 *   draft's parent any more (the caller fetches with `refresh` and tries again).
 * It takes no callbacks and knows nothing of the rules or the secrets: the service's writer
 * (clusters/cluster-writer.ts) calls it in order. Its own lock only keeps git operations on the
 * working clone (fetch, reset, push, follow-up) one at a time.
 */
import type { Cluster } from '@cluster-console/shared';
import type { Logger } from 'pino';
import { emptyState, readClusterFiles, type TenantState } from './cluster-files';
import { CommitDraft } from './commit-draft';
import type { GitRunner } from './git-runner';
import { Mutex } from 'async-mutex';
import { RemotePush } from './remote-push';
import { describeError } from './remote-errors';
import { RepoError } from './repo-error';
import { WorkingClone } from './working-clone';

export interface TenantStoreOptions {
  url: string;
  readToken: string;
  /** Directory of the working clone (created by `open`). */
  dir: string;
  git: GitRunner;
  logger: Logger;
  /** Reads start a background fetch when the last one is older than this. */
  refreshMs: number;
  /** How long `open` keeps retrying an unreachable remote. */
  openTimeoutMs?: number;
  /** A push that receives nothing from the remote for this long fails as unavailable. */
  stallTimeoutMs?: number;
}

export type PushOutcome = 'pushed' | 'moved';

export class TenantStore {
  private state: TenantState = emptyState();
  /** Bumped whenever the index changes (list caches key on it). */
  private indexVersion = 0;
  private sorted: { version: number; clusters: Cluster[] } | undefined;
  private lastSyncAt = 0;
  private readonly lock = new Mutex();
  private refreshing = false;
  private closed = false;
  /** Set after a failed write: the next one fetches (and puts the working tree right) first. */
  private dirty = false;
  private readonly clone: WorkingClone;
  private readonly remote: RemotePush;

  constructor(private readonly options: TenantStoreOptions) {
    this.clone = new WorkingClone(options);
    this.remote = new RemotePush(this.clone, options.url, options.logger, options.stallTimeoutMs);
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Changes whenever what `list` and `get` answer may have changed. */
  get version(): number {
    return this.indexVersion;
  }

  /** Clones (or recovers an existing clone after a crash) and reads its Cluster files. */
  async open(): Promise<void> {
    const deadline = Date.now() + (this.options.openTimeoutMs ?? 30_000);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.lock.runExclusive(() => this.openOnce());
        return;
      } catch (error) {
        const unavailable = error instanceof RepoError && error.kind === 'unavailable';
        if (!unavailable || Date.now() > deadline) throw error;
        this.options.logger.warn({ attempt }, 'tenant repository unreachable, retrying');
        await sleep(Math.min(250 * attempt, 2_000));
      }
    }
  }

  /** Every cluster, sorted by name (the same array until the index changes: do not modify). */
  list(): Cluster[] {
    this.refreshInBackground();
    if (this.sorted?.version !== this.indexVersion) {
      this.sorted = {
        version: this.indexVersion,
        clusters: [...this.state.index.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    }
    return this.sorted.clusters;
  }

  get(name: string): Cluster | undefined {
    this.refreshInBackground();
    return this.state.index.get(name);
  }

  /** Fetches now (after any git operation under way) and reads the Cluster files again. */
  refresh(): Promise<void> {
    return this.lock.runExclusive(() => this.sync());
  }

  /** Before a write: when the last one failed, fetches and puts the clone right. */
  async recoverIfDirty(): Promise<boolean> {
    if (!this.dirty) return false;
    await this.lock.runExclusive(() => this.sync({ clean: true }));
    this.dirty = false;
    return true;
  }

  /** Starts a fetch without waiting for it, when the last one is old enough. */
  refreshInBackground(): void {
    if (this.closed || this.refreshing || this.lock.isLocked()) return;
    if (Date.now() - this.lastSyncAt < this.options.refreshMs) return;
    this.refreshing = true;
    this.lock
      .runExclusive(() => this.sync())
      .catch((error: unknown) =>
        this.options.logger.warn(
          { err: describeError(error) },
          'background fetch of the tenant repository failed',
        ),
      )
      .finally(() => {
        this.refreshing = false;
      });
  }

  /** Commits to be made on the current state (the remote's main as last fetched or pushed). */
  draft(): CommitDraft {
    if (this.closed) throw new RepoError('unavailable', 'The service is shutting down.');
    return new CommitDraft(this.state);
  }

  /**
   * Pushes the draft's commits with `token`. `moved`: the remote's main is not the draft's
   * parent (someone else pushed, or a fetch here saw it): refresh and draft again.
   */
  push(draft: CommitDraft, token: string): Promise<PushOutcome> {
    return this.lock.runExclusive(async () => {
      if (draft.base !== this.state) return 'moved';
      const head = draft.head;
      if (draft.objects.length === 0 || head === undefined) return 'pushed';
      try {
        const result = await this.remote.push({
          token,
          oldOid: draft.base.tree.commit,
          newOid: head,
          objects: draft.objects,
        });
        if (result.outcome === 'moved') return 'moved';
        await this.adoptPushed(draft, result.storeError);
        return 'pushed';
      } catch (error) {
        this.dirty = true;
        throw error instanceof RepoError
          ? error
          : new RepoError('internal', 'Writing the tenant repository failed.', { cause: error });
      }
    });
  }

  /** Refuses new writes and waits for the git operations under way. */
  async close(): Promise<void> {
    this.closed = true;
    await this.lock.runExclusive(() => Promise.resolve());
    this.remote.close();
  }

  private async openOnce(): Promise<void> {
    if (await this.clone.hasClone()) {
      try {
        await this.clone.recover();
        await this.sync({ clean: true });
        return;
      } catch (error) {
        if (error instanceof RepoError && error.kind === 'unavailable') throw error;
        this.options.logger.warn(
          { err: describeError(error) },
          'working clone unusable, cloning again',
        );
      }
    }
    const head = await this.clone.cloneFresh();
    await this.adopt(head);
    this.lastSyncAt = Date.now();
  }

  /**
   * Fetches origin/main and, when it moved, makes it the state: HEAD, index and working tree
   * reset to it, the Cluster files read again. `clean` also removes untracked files.
   */
  private async sync(options: { clean?: boolean } = {}): Promise<void> {
    const origin = await this.clone.fetch();
    if (!options.clean && origin !== undefined && origin === this.state.tree.commit) {
      this.lastSyncAt = Date.now();
      return;
    }
    await this.clone.resetToOrigin(options.clean ?? false);
    await this.adopt(origin);
    this.lastSyncAt = Date.now();
  }

  private async adopt(commit: string | undefined): Promise<void> {
    this.setState(
      await readClusterFiles(this.clone.objects, commit, this.state.files, this.options.logger),
    );
  }

  private setState(state: TenantState): void {
    this.state = state;
    this.indexVersion += 1;
  }

  /** Our push landed: its last commit is the remote's main, and so the state. */
  private async adoptPushed(draft: CommitDraft, storeError: Error | undefined): Promise<void> {
    const { state, written } = draft.result;
    this.setState(state);
    this.lastSyncAt = Date.now();
    if (storeError !== undefined) {
      // Landed, so the callers succeeded; the clone fetches what it could not store.
      this.dirty = true;
      this.options.logger.error(
        { err: describeError(storeError) },
        'storing pushed objects in the working clone failed',
      );
      return;
    }
    try {
      await this.clone.followPush(draft.head ?? '', written);
    } catch (error) {
      // The push landed, so the callers succeeded; the clone is put right before the next write.
      this.dirty = true;
      this.options.logger.error(
        { err: describeError(error) },
        'updating the working clone after a push failed',
      );
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
