/**
 * The service's working clone of the tenant configuration repository.
 *
 * - Cloned once at start (with the service's read-only token); no request ever clones.
 * - Reads are answered from an in-memory index (cluster name -> Cluster) rebuilt after every
 *   fetch and every push; a read may trigger a background fetch, never waits for one.
 * - Writes go through one queue per process. Each attempt brings the clone to origin/main,
 *   lets every queued mutation re-check its rules against that state, writes the files
 *   atomically, makes one commit per mutation authored as its caller, and pushes with the
 *   caller's token. Consecutive mutations by the same token are pushed together (still one
 *   commit each), which keeps two processes on one remote from starving each other.
 *   A non-fast-forward rejection is retried (fetch, redo, push) `maxRetries` times, then it
 *   is a conflict.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  CLUSTERS_DIR,
  KUSTOMIZATION_PATH,
  clusterFileName,
  clusterFilePath,
  clusterResourceToYaml,
  fromClusterResource,
  kustomizationYaml,
  parseClusterResourceYaml,
  parseKustomizationResources,
  type Cluster,
  type ClusterResource,
} from '@cluster-console/shared';
import { writeFileAtomic } from './atomic-write';
import { classifyRemoteFailure } from './git-errors';
import { GitCommandError, type GitRunner, type GitRunOptions } from './git-runner';
import { Mutex } from './mutex';
import { RepoError } from './repo-error';

export interface CommitAuthor {
  name: string;
  email: string;
}

export type ClusterIndex = ReadonlyMap<string, Cluster>;

export type RepoChange =
  | { kind: 'upsert'; name: string; resource: ClusterResource; message: string }
  | { kind: 'delete'; name: string; message: string };

export interface RepoMutation {
  /** What the mutation changes (the cluster name): one batch never holds two with one key. */
  key: string;
  /** The caller's token: the push is made with it. */
  token: string;
  author: CommitAuthor;
  /**
   * Called on a fresh copy of origin/main before every attempt (so possibly more than once);
   * throws to refuse this mutation alone.
   */
  plan(index: ClusterIndex): Promise<RepoChange> | RepoChange;
  /**
   * Called (under the write lock, before the promise rejects) when the mutation does not land,
   * so that side effects of `plan` (the secret store) can be undone before anything else runs.
   */
  rollback?(): Promise<void>;
}

export interface MutationResult {
  /** False when the files were already as asked (no commit was needed). */
  committed: boolean;
}

export interface TenantRepoOptions {
  url: string;
  readToken: string;
  /** Directory of the working clone (created by `open`). */
  dir: string;
  git: GitRunner;
  logger: Logger;
  /** Reads start a background fetch when the last one is older than this. */
  refreshMs: number;
  maxRetries?: number;
  batchLimit?: number;
  /** How long `open` keeps retrying an unreachable remote. */
  openTimeoutMs?: number;
}

interface Pending {
  mutation: RepoMutation;
  settled?: boolean;
  resolve(result: MutationResult): void;
  reject(error: unknown): void;
}

interface IndexedFile {
  blob: string;
  name: string;
  cluster: Cluster;
}

const CLUSTER_FILE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.yaml$/;
const STALE_LOCKS = [
  'index.lock',
  'HEAD.lock',
  'config.lock',
  'packed-refs.lock',
  'shallow.lock',
  'ORIG_HEAD.lock',
];

export class TenantRepo {
  private index = new Map<string, Cluster>();
  private files = new Map<string, IndexedFile>();
  private lastSyncAt = 0;
  private readonly lock = new Mutex();
  private readonly queue: Pending[] = [];
  private draining = false;
  private refreshing = false;
  private closed = false;
  /** Set after a failed write, which may have left an untracked temporary file behind. */
  private needsClean = false;
  /**
   * The commit that HEAD, the working tree and the index all match; undefined while a write
   * is under way or after one failed. Lets a fetch that brought nothing new skip the reset.
   */
  private indexedCommit: string | undefined;
  private readonly maxRetries: number;
  private readonly batchLimit: number;

  constructor(private readonly options: TenantRepoOptions) {
    this.maxRetries = options.maxRetries ?? 3;
    this.batchLimit = options.batchLimit ?? 20;
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Clones (or recovers an existing clone after a crash) and builds the index. */
  async open(): Promise<void> {
    const deadline = Date.now() + (this.options.openTimeoutMs ?? 30_000);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.lock.run(() => this.openOnce());
        return;
      } catch (error) {
        const unavailable = error instanceof RepoError && error.kind === 'unavailable';
        if (!unavailable || Date.now() > deadline) throw error;
        this.options.logger.warn({ attempt }, 'tenant repository unreachable, retrying');
        await sleep(Math.min(250 * attempt, 2_000));
      }
    }
  }

  list(): Cluster[] {
    this.refreshInBackground();
    return [...this.index.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): Cluster | undefined {
    this.refreshInBackground();
    return this.index.get(name);
  }

  /** Queues a mutation; resolves once its commit is on the remote's main. */
  submit(mutation: RepoMutation): Promise<MutationResult> {
    if (this.closed)
      return Promise.reject(new RepoError('unavailable', 'The service is shutting down.'));
    return new Promise<MutationResult>((resolve, reject) => {
      this.queue.push({ mutation, resolve, reject });
      this.scheduleDrain();
    });
  }

  /** Fetches now (after any queued write) and rebuilds the index. */
  refresh(): Promise<void> {
    return this.lock.run(() => this.sync());
  }

  /** Starts a fetch without waiting for it, when the last one is old enough. */
  refreshInBackground(): void {
    if (this.closed || this.refreshing || this.lock.busy) return;
    if (Date.now() - this.lastSyncAt < this.options.refreshMs) return;
    this.refreshing = true;
    this.lock
      .run(() => this.sync())
      .catch((error: unknown) =>
        this.options.logger.warn(
          { err: describe(error) },
          'background fetch of the tenant repository failed',
        ),
      )
      .finally(() => {
        this.refreshing = false;
      });
  }

  /** Refuses new writes and waits for the ones under way. */
  async close(): Promise<void> {
    this.closed = true;
    await this.lock.run(() => Promise.resolve());
  }

  // ---- opening -------------------------------------------------------------------------

  private async openOnce(): Promise<void> {
    const { dir } = this.options;
    const parent = path.dirname(dir);
    await mkdir(parent, { recursive: true });
    await this.removeAbandonedClones(parent);
    if (await exists(path.join(dir, '.git'))) {
      try {
        await this.removeStaleLocks();
        await this.git(['remote', 'set-url', 'origin', this.options.url]);
        await this.sync({ clean: true });
        return;
      } catch (error) {
        if (error instanceof RepoError && error.kind === 'unavailable') throw error;
        this.options.logger.warn({ err: describe(error) }, 'working clone unusable, cloning again');
      }
    }
    const tmp = `${dir}.clone-${randomBytes(4).toString('hex')}`;
    try {
      await this.options.git.run(
        [
          'clone',
          '--quiet',
          '--no-tags',
          '--single-branch',
          '--branch',
          'main',
          this.options.url,
          tmp,
        ],
        { cwd: parent, token: this.options.readToken, timeoutMs: 120_000 },
      );
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      throw this.remoteError(error, 'clone');
    }
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    await this.reindex();
    this.indexedCommit = await this.readRef('refs/heads/main');
    this.lastSyncAt = Date.now();
  }

  private async removeAbandonedClones(parent: string): Promise<void> {
    const prefix = `${path.basename(this.options.dir)}.clone-`;
    for (const entry of await readdir(parent)) {
      if (entry.startsWith(prefix))
        await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }

  /** A SIGKILL in the middle of a git command leaves lock files; nobody else uses this clone. */
  private async removeStaleLocks(): Promise<void> {
    const gitDir = path.join(this.options.dir, '.git');
    for (const name of STALE_LOCKS) await rm(path.join(gitDir, name), { force: true });
    const refs = path.join(gitDir, 'refs');
    if (!(await exists(refs))) return;
    const entries = await readdir(refs, { recursive: true });
    for (const entry of entries) {
      if (entry.endsWith('.lock')) await rm(path.join(refs, entry), { force: true });
    }
  }

  // ---- reading -------------------------------------------------------------------------

  /**
   * Brings the clone to origin/main (discarding local commits and changes to tracked files)
   * and re-indexes. `clean` also removes untracked files, which only a crash leaves behind.
   */
  private async sync(options: { clean?: boolean } = {}): Promise<void> {
    try {
      await this.git(
        ['fetch', '--quiet', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main'],
        {
          token: this.options.readToken,
          timeoutMs: 60_000,
        },
      );
    } catch (error) {
      throw this.remoteError(error, 'fetch');
    }
    const origin = await this.readRef('refs/remotes/origin/main');
    if (!options.clean && origin !== undefined && origin === this.indexedCommit) {
      this.lastSyncAt = Date.now();
      return;
    }
    this.indexedCommit = undefined;
    await this.git(['reset', '--quiet', '--hard', 'refs/remotes/origin/main']);
    if (options.clean) await this.git(['clean', '-ffdxq']);
    await this.reindex();
    this.indexedCommit = origin;
    this.lastSyncAt = Date.now();
  }

  /** A ref's commit, read from its file when it is loose (no process), else from git. */
  private async readRef(ref: string): Promise<string | undefined> {
    try {
      const text = (await readFile(path.join(this.options.dir, '.git', ref), 'utf8')).trim();
      if (/^[0-9a-f]{40}$/.test(text)) return text;
    } catch {
      // packed or missing: ask git
    }
    try {
      return (
        await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      ).stdout.trim();
    } catch {
      return undefined;
    }
  }

  /** Rebuilds the index from HEAD, parsing only files whose blob changed. */
  private async reindex(): Promise<void> {
    const { stdout } = await this.git(['ls-tree', '-z', 'HEAD', '--', `${CLUSTERS_DIR}/`]);
    const files = new Map<string, IndexedFile>();
    const index = new Map<string, Cluster>();
    for (const record of stdout.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(record);
      if (!match) continue;
      const [, blob = '', file = ''] = match;
      const nameMatch = CLUSTER_FILE.exec(path.posix.basename(file));
      if (!nameMatch || file === KUSTOMIZATION_PATH) continue;
      const name = nameMatch[1] ?? '';
      let entry = this.files.get(file);
      if (entry?.blob !== blob) {
        const parsed = await this.parseClusterFile(file, name);
        if (!parsed) continue;
        entry = { blob, name, cluster: parsed };
      }
      files.set(file, entry);
      index.set(name, entry.cluster);
    }
    this.files = files;
    this.index = index;
  }

  private async parseClusterFile(file: string, name: string): Promise<Cluster | undefined> {
    try {
      const text = await readFile(path.join(this.options.dir, file), 'utf8');
      const cluster = fromClusterResource(parseClusterResourceYaml(text));
      if (cluster.name !== name) {
        this.options.logger.warn(
          { file },
          'cluster file name and metadata.name differ; file ignored',
        );
        return undefined;
      }
      return cluster;
    } catch (error) {
      this.options.logger.warn(
        { file, err: describe(error) },
        'cluster file is not a valid Cluster resource; ignored',
      );
      return undefined;
    }
  }

  // ---- writing -------------------------------------------------------------------------

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    void this.lock
      .run(async () => {
        while (this.queue.length > 0) await this.processBatch(this.takeBatch());
      })
      .finally(() => {
        this.draining = false;
        if (this.queue.length > 0) this.scheduleDrain();
      });
  }

  /**
   * Consecutive mutations made with the same token, so that one push may carry them; never two
   * for the same cluster, so each one's rollback is independent of the others'.
   */
  private takeBatch(): Pending[] {
    const first = this.queue[0];
    if (!first) return [];
    const keys = new Set([first.mutation.key]);
    let count = 1;
    for (; count < this.batchLimit; count += 1) {
      const next = this.queue[count]?.mutation;
      if (next?.token !== first.mutation.token || keys.has(next.key)) break;
      keys.add(next.key);
    }
    return this.queue.splice(0, count);
  }

  private async fail(item: Pending, error: unknown): Promise<void> {
    if (item.settled) return;
    item.settled = true;
    try {
      await item.mutation.rollback?.();
    } catch (rollbackError) {
      this.options.logger.error(
        { err: describe(rollbackError) },
        'rolling back a failed mutation failed',
      );
    }
    item.reject(error);
  }

  private async processBatch(batch: Pending[]): Promise<void> {
    let live = batch;
    try {
      for (let attempt = 0; live.length > 0; attempt += 1) {
        await this.sync({ clean: this.needsClean });
        this.needsClean = false;
        const working = new Map(this.index);
        const done: { item: Pending; committed: boolean }[] = [];
        for (const item of live) {
          let change: RepoChange;
          try {
            change = await item.mutation.plan(working);
          } catch (error) {
            await this.fail(item, error);
            continue;
          }
          this.indexedCommit = undefined;
          const committed = await this.applyAndCommit(change, item.mutation.author);
          if (change.kind === 'upsert')
            working.set(change.name, fromClusterResource(change.resource));
          else working.delete(change.name);
          done.push({ item, committed });
        }
        live = done.map(({ item }) => item);
        const token = live[0]?.mutation.token;
        if (token === undefined) return;
        if (done.some(({ committed }) => committed)) {
          const failure = await this.push(token);
          if (failure === 'retry') {
            if (attempt < this.maxRetries) {
              this.options.logger.info(
                { attempt: attempt + 1 },
                'push rejected as non-fast-forward; retrying on the new head',
              );
              // Straight back in: the other writer has just pushed and is starting its next
              // change, so waiting longer only makes losing the next race likelier.
              await sleep(Math.random() * 25);
              continue;
            }
            throw new RepoError(
              'conflict',
              'The tenant repository kept changing while saving; the change could not be merged. Try again.',
            );
          }
          // HEAD is now origin's main: the working copy of the index is the truth.
          this.index = working;
          this.indexedCommit = await this.readRef('refs/heads/main');
        }
        for (const { item, committed } of done) {
          item.settled = true;
          item.resolve({ committed });
        }
        return;
      }
    } catch (error) {
      const failure =
        error instanceof RepoError
          ? error
          : new RepoError('internal', 'Writing the tenant repository failed.', { cause: error });
      this.needsClean = true;
      if (failure.kind === 'internal')
        this.options.logger.error({ err: describe(error) }, 'tenant repository write failed');
      for (const item of [...live].reverse()) await this.fail(item, failure);
    }
  }

  /** Writes one change into the working tree and commits it as `author`. */
  private async applyAndCommit(change: RepoChange, author: CommitAuthor): Promise<boolean> {
    if (!CLUSTER_FILE.test(clusterFileName(change.name)))
      throw new Error('refusing an unsafe cluster file name');
    const file = path.join(this.options.dir, clusterFilePath(change.name));
    const kustomizationFile = path.join(this.options.dir, KUSTOMIZATION_PATH);
    const resources = new Set(
      (await exists(kustomizationFile))
        ? parseKustomizationResources(await readFile(kustomizationFile, 'utf8'))
        : [],
    );
    if (change.kind === 'upsert') {
      await writeFileAtomic(file, clusterResourceToYaml(change.resource));
      resources.add(clusterFileName(change.name));
    } else {
      await rm(file, { force: true });
      resources.delete(clusterFileName(change.name));
    }
    await writeFileAtomic(kustomizationFile, kustomizationYaml([...resources]));
    await this.git(['add', '--all', '--', CLUSTERS_DIR]);
    try {
      await this.git(['commit', '--quiet', '--no-verify', '-m', change.message], {
        config: { 'user.name': author.name, 'user.email': author.email },
      });
    } catch (error) {
      // The files were already as asked: nothing to commit (git says so and exits 1).
      if (
        error instanceof GitCommandError &&
        /nothing to commit|no changes added/.test(error.stdout)
      )
        return false;
      throw error;
    }
    return true;
  }

  /** Pushes HEAD to main; returns 'retry' on a lost race, throws on any other failure. */
  private async push(token: string): Promise<'ok' | 'retry'> {
    try {
      await this.git(['push', '--porcelain', 'origin', 'HEAD:refs/heads/main'], {
        token,
        timeoutMs: 60_000,
      });
      return 'ok';
    } catch (error) {
      if (error instanceof GitCommandError && classifyRemoteFailure(error) === 'retry')
        return 'retry';
      throw this.remoteError(error, 'push');
    }
  }

  private remoteError(error: unknown, operation: 'clone' | 'fetch' | 'push'): RepoError {
    if (!(error instanceof GitCommandError)) {
      return new RepoError('internal', `git ${operation} failed`, { cause: error });
    }
    const kind = classifyRemoteFailure(error);
    const log = this.options.logger;
    switch (kind) {
      case 'unavailable':
        log.warn({ err: describe(error) }, `tenant repository unreachable during ${operation}`);
        return new RepoError(
          'unavailable',
          'The tenant repository (GitLab) cannot be reached. Try again later.',
          { cause: error },
        );
      case 'forbidden':
        if (operation === 'push') {
          return new RepoError(
            'forbidden',
            'GitLab refused the push to the tenant repository: you may not push to its main branch.',
            {
              cause: error,
            },
          );
        }
        break;
      case 'unauthenticated':
        if (operation === 'push') {
          return new RepoError(
            'unauthenticated',
            'GitLab did not accept your access token for the push. Sign in again.',
            {
              cause: error,
            },
          );
        }
        break;
      default:
        break;
    }
    // A refused clone or fetch is the service's own (read) token: a configuration problem.
    log.error({ err: describe(error) }, `git ${operation} of the tenant repository failed`);
    return new RepoError('internal', `git ${operation} failed`, { cause: error });
  }

  private git(args: string[], options: Omit<GitRunOptions, 'cwd'> = {}) {
    return this.options.git.run(args, { cwd: this.options.dir, ...options });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** What of an error may be logged: its message (git's output is redacted by GitCommandError). */
function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
