/**
 * The service's write path, its collaborators called in this order for each batch of writes:
 * 1. the queue (write-queue.ts) hands out one batch at a time, per process;
 * 2. the secret journal records each write's kubeconfig before it changes (snapshot);
 * 3. each write's rules run on the store's state with the changes before it (its `plan`, which
 *    has no side effects), then its secret is written and its change added to a draft;
 * 4. the store pushes the draft; when the branch moved, the retry (retry-on-moved-branch.ts)
 *    fetches and runs 3-4 again;
 * 5. a write that lands settles its journal entry; one that does not puts its secret back.
 * A refusal by the rules, or a change that changes nothing, is only answered on freshly
 * fetched state.
 */
import type { Logger } from 'pino';
import type { JournaledSecretStore } from '../secrets/journaled-secret-store';
import type { SecretData, SecretLocation, SecretSnapshot } from '../secrets/secret-store';
import type { ClusterIndex, CommitAuthor, RepoChange } from '../tenant-repo/repo-change';
import { RepoError } from '../tenant-repo/repo-error';
import { describeError } from '../tenant-repo/remote-errors';
import type { TenantStore } from '../tenant-repo/tenant-store';
import { retryOnMovedBranch } from './retry-on-moved-branch';
import { WriteQueue, type Queued } from './write-queue';

/** What a write does to its secret, once its rules hold. */
export type SecretChange =
  { kind: 'put'; data: SecretData } | { kind: 'delete' } | { kind: 'keep' };

export interface WritePlan {
  change: RepoChange;
  secret: SecretChange;
}

export interface ClusterWrite {
  /** The cluster name: one batch never holds two writes with one key. */
  key: string;
  /** The caller's token: the push is made with it. */
  token: string;
  author: CommitAuthor;
  /** The secret the write may change (journaled, and put back if the write does not land). */
  secret: SecretLocation;
  /**
   * The rules, on the current state and the secret stored before the write; throws to refuse.
   * May run more than once (on every attempt), so it changes nothing itself.
   */
  plan(index: ClusterIndex, stored: SecretSnapshot): WritePlan;
}

export type WriterSecrets = Pick<
  JournaledSecretStore,
  'snapshot' | 'restore' | 'put' | 'delete' | 'openEntry' | 'settle'
>;

export interface ClusterWriterDeps {
  store: TenantStore;
  secrets: WriterSecrets;
  logger: Logger;
  maxRetries?: number;
  batchLimit?: number;
}

interface Started {
  before: SecretSnapshot;
  /** The journal entry of this write's secret change. */
  entry: string | undefined;
}

export class ClusterWriter {
  private readonly queue: WriteQueue<ClusterWrite>;
  private closed = false;

  constructor(private readonly deps: ClusterWriterDeps) {
    this.queue = new WriteQueue((batch) => this.runBatch(batch), deps.batchLimit);
  }

  /** Queues a write; resolves once its commit is on the remote's main. */
  submit(write: ClusterWrite): Promise<{ committed: boolean }> {
    if (this.closed)
      return Promise.reject(new RepoError('unavailable', 'The service is shutting down.'));
    return this.queue.add(write);
  }

  /** Refuses new writes and waits for the ones under way. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.idle();
  }

  private async runBatch(batch: Queued<ClusterWrite>[]): Promise<void> {
    const { store, logger } = this.deps;
    const started = new Map<Queued<ClusterWrite>, Started>();
    let live = batch;
    try {
      let fresh = await store.recoverIfDirty();
      const refresh = async () => {
        await store.refresh();
        fresh = true;
      };
      await retryOnMovedBranch(
        { maxRetries: this.deps.maxRetries ?? 3, logger, refresh },
        async () => {
          for (;;) {
            const draft = store.draft();
            const refused: { queued: Queued<ClusterWrite>; error: unknown }[] = [];
            const done: { queued: Queued<ClusterWrite>; committed: boolean }[] = [];
            for (const queued of live) {
              const write = queued.item;
              let plan: WritePlan;
              try {
                const start = await this.start(write, started.get(queued));
                started.set(queued, start);
                plan = write.plan(draft.index, start.before);
              } catch (error) {
                refused.push({ queued, error });
                continue;
              }
              // Repeated on every attempt: a rolled-back neighbour in the queue may undo it.
              await this.writeSecret(write.secret, plan.secret);
              done.push({ queued, committed: draft.add(plan.change, write.author) });
            }
            // A refusal or "nothing to do" must hold on the remote's current state, not ours.
            if (!fresh && (refused.length > 0 || done.some(({ committed }) => !committed))) {
              await refresh();
              continue;
            }
            for (const { queued, error } of refused)
              await this.fail(queued, error, started.get(queued));
            live = done.map(({ queued }) => queued);
            const token = live[0]?.item.token;
            if (token === undefined) return 'done';
            if ((await store.push(draft, token)) === 'moved') return 'moved';
            for (const { queued, committed } of done) {
              const start = started.get(queued);
              await this.deps.secrets.settle(queued.item.secret, start?.entry);
              queued.settled = true;
              queued.resolve({ committed });
            }
            return 'done';
          }
        },
      );
    } catch (error) {
      const failure =
        error instanceof RepoError
          ? error
          : new RepoError('internal', 'Writing the tenant repository failed.', { cause: error });
      if (failure.kind === 'internal')
        logger.error({ err: describeError(error) }, 'tenant repository write failed');
      for (const queued of [...live].reverse())
        await this.fail(queued, failure, started.get(queued));
    }
  }

  /** The journal records the secret before the write's first attempt changes it. */
  private async start(write: ClusterWrite, started: Started | undefined): Promise<Started> {
    if (started) return started;
    const before = await this.deps.secrets.snapshot(write.secret);
    return { before, entry: this.deps.secrets.openEntry(write.secret) };
  }

  private async writeSecret(location: SecretLocation, change: SecretChange): Promise<void> {
    if (change.kind === 'put') await this.deps.secrets.put(location, change.data);
    else if (change.kind === 'delete') await this.deps.secrets.delete(location);
  }

  /** The write does not land: its secret is put back (closing its journal entry), then it fails. */
  private async fail(
    queued: Queued<ClusterWrite>,
    error: unknown,
    started: Started | undefined,
  ): Promise<void> {
    if (queued.settled) return;
    queued.settled = true;
    try {
      if (started) await this.deps.secrets.restore(queued.item.secret, started.before);
    } catch (restoreError) {
      this.deps.logger.error(
        { err: describeError(restoreError) },
        'rolling back a failed mutation failed',
      );
    }
    queued.reject(error);
  }
}
