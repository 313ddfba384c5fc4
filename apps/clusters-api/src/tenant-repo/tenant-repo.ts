/**
 * The service's working clone of the tenant configuration repository.
 *
 * - Cloned once at start (with the service's read-only token); no request ever clones.
 * - Reads are answered from an in-memory index (cluster name -> Cluster) kept with the commit
 *   it describes; a read may trigger a background fetch, never waits for one.
 * - Writes go through one queue per process. An attempt lets every queued mutation re-check
 *   its rules against the current state, builds one commit per mutation (authored as its
 *   caller) in memory (blob, trees, commit: see tenant-tree.ts), stores the objects, and
 *   pushes them with the caller's token. Consecutive mutations by the same token are pushed
 *   together (still one commit each), which keeps two processes on one remote from starving
 *   each other.
 * - A write does not fetch first: the state after our own last push or fetch is usually still
 *   the remote's. When it is not, the push is refused (the remote's main is not the parent we
 *   name) and the attempt is redone after a fetch, `maxRetries` times, then it is a conflict.
 *   An outcome that would not push (a refusal by the rules, nothing to commit) is only given
 *   on freshly fetched state.
 * - The working tree and git's index are kept matching the last commit, as if git had made
 *   it (the secret journal fingerprints cluster files there; `git status` stays clean).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  KUSTOMIZATION_PATH,
  clusterFileName,
  clusterFilePath,
  fromClusterResource,
  parseClusterResourceYaml,
  parseKustomizationResources,
  type Cluster,
  type ClusterResource,
} from '@cluster-console/shared';
import { exists, writeFileAtomic } from './atomic-write';
import { classifyRemoteFailure } from './git-errors';
import { commitTree, parseTree, type GitObject } from './git-objects';
import { updateIndex } from './git-index';
import { GitCommandError, type GitRunner, type GitRunOptions } from './git-runner';
import { normalizeResources } from './kustomization-text';
import { Mutex } from './mutex';
import { ObjectDatabase } from './object-database';
import { PushFailure, ReceivePackClient } from './receive-pack.client';
import { RepoError } from './repo-error';
import { CLUSTERS_PATH, KUSTOMIZATION_FILE, applyChange, type TenantTree } from './tenant-tree';

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
   * Called on the current state before every attempt (so possibly more than once); throws to
   * refuse this mutation alone (a refusal is only final on freshly fetched state).
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
  /** A push that receives nothing from the remote for this long fails as unavailable. */
  stallTimeoutMs?: number;
}

interface Pending {
  mutation: RepoMutation;
  settled?: boolean;
  resolve(result: MutationResult): void;
  reject(error: unknown): void;
}

interface IndexedFile {
  blob: string;
  cluster: Cluster;
}

const CLUSTER_FILE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.yaml$/;
const BLOB_MODES = new Set(['100644', '100755']);
const MAIN = 'refs/heads/main';
const ORIGIN_MAIN = 'refs/remotes/origin/main';
const NO_COMMIT = '0'.repeat(40);
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
  /** Cluster files by file name, with the blob they were parsed from. */
  private files = new Map<string, IndexedFile>();
  /** What the index describes; the remote's main as of our last fetch or push. */
  private tree: TenantTree = { commit: undefined, levels: [], rootTree: undefined, resources: [] };
  /** Bumped whenever the index changes (list caches key on it). */
  private indexVersion = 0;
  private sorted: { version: number; clusters: Cluster[] } | undefined;
  private lastSyncAt = 0;
  private readonly lock = new Mutex();
  private readonly queue: Pending[] = [];
  private draining = false;
  private refreshing = false;
  private closed = false;
  /** Set after a failed write: the next one fetches (and puts the working tree right) first. */
  private needsSync = false;
  private readonly maxRetries: number;
  private readonly batchLimit: number;
  private readonly objects: ObjectDatabase;
  private readonly receivePack: ReceivePackClient | undefined;

  constructor(private readonly options: TenantRepoOptions) {
    this.maxRetries = options.maxRetries ?? 3;
    this.batchLimit = options.batchLimit ?? 20;
    this.objects = new ObjectDatabase(options.dir, options.git);
    this.receivePack = ReceivePackClient.supports(options.url)
      ? new ReceivePackClient(options.url, options.stallTimeoutMs)
      : undefined;
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Changes whenever what `list` and `get` answer may have changed. */
  get version(): number {
    return this.indexVersion;
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

  /** Every cluster, sorted by name (the same array until the index changes: do not modify). */
  list(): Cluster[] {
    this.refreshInBackground();
    if (this.sorted?.version !== this.indexVersion) {
      this.sorted = {
        version: this.indexVersion,
        clusters: [...this.index.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    }
    return this.sorted.clusters;
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
    this.receivePack?.close();
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
        await this.objects.removeTemporaryFiles();
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
    const head = await this.readRef(MAIN);
    await this.adoptFetched(head);
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
   * Fetches origin/main and, when it moved, makes it the state: HEAD, index and working tree
   * reset to it (discarding anything local), the index of clusters rebuilt. `clean` also
   * removes untracked files, which only a crash leaves behind.
   */
  private async sync(options: { clean?: boolean } = {}): Promise<void> {
    try {
      await this.git(['fetch', '--quiet', '--no-tags', 'origin', `+${MAIN}:${ORIGIN_MAIN}`], {
        token: this.options.readToken,
        timeoutMs: 60_000,
      });
    } catch (error) {
      throw this.remoteError(error, 'fetch');
    }
    const origin = await this.readRef(ORIGIN_MAIN);
    if (!options.clean && origin !== undefined && origin === this.tree.commit) {
      this.lastSyncAt = Date.now();
      return;
    }
    await this.git(['reset', '--quiet', '--hard', ORIGIN_MAIN]);
    if (options.clean) await this.git(['clean', '-ffdxq']);
    await this.adoptFetched(origin);
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

  /** Reads `commit`'s trees and changed cluster files (one `git cat-file`) into the state. */
  private async adoptFetched(commit: string | undefined): Promise<void> {
    if (commit === undefined) {
      this.tree = { commit: undefined, levels: [], rootTree: undefined, resources: [] };
      this.setIndex(new Map(), new Map());
      return;
    }
    const [commitObject, ...trees] = await this.objects.read([
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
        this.files.get(entry.name)?.blob !== entry.oid,
    );
    const blobs = await this.objects.read([
      ...wanted.map((entry) => entry.oid),
      ...(kustomizationEntry ? [kustomizationEntry.oid] : []),
    ]);
    const files = new Map<string, IndexedFile>();
    const index = new Map<string, Cluster>();
    const read = new Map(wanted.map((entry, i) => [entry.name, blobs[i]]));
    for (const entry of clusterEntries) {
      const name = CLUSTER_FILE.exec(entry.name)?.[1];
      if (!name || entry.name === KUSTOMIZATION_FILE || !BLOB_MODES.has(entry.mode)) continue;
      let indexed = this.files.get(entry.name);
      if (indexed?.blob !== entry.oid) {
        const cluster = this.parseClusterFile(entry.name, name, read.get(entry.name));
        if (!cluster) continue;
        indexed = { blob: entry.oid, cluster };
      }
      files.set(entry.name, indexed);
      index.set(name, indexed.cluster);
    }
    const kustomizationBlob = kustomizationEntry ? blobs[wanted.length] : undefined;
    this.tree = {
      commit,
      levels,
      rootTree: commitTree(commitObject.data),
      resources: kustomizationEntry
        ? this.parseKustomization(kustomizationBlob?.data.toString('utf8') ?? '')
        : [],
    };
    this.setIndex(index, files);
  }

  private parseKustomization(text: string): readonly string[] | undefined {
    try {
      return normalizeResources(parseKustomizationResources(text));
    } catch (error) {
      // Reads still work; writes refuse until someone fixes the file (as before: a 500).
      this.options.logger.error(
        { file: KUSTOMIZATION_PATH, err: describe(error) },
        'kustomization.yaml of the tenant repository cannot be read',
      );
      return undefined;
    }
  }

  private parseClusterFile(
    file: string,
    name: string,
    blob: GitObject | undefined,
  ): Cluster | undefined {
    try {
      if (!blob) throw new Error('blob missing');
      const cluster = fromClusterResource(parseClusterResourceYaml(blob.data.toString('utf8')));
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

  private setIndex(index: Map<string, Cluster>, files: Map<string, IndexedFile>): void {
    this.index = index;
    this.files = files;
    this.indexVersion += 1;
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
      // Fresh: the state was fetched for this batch. Until then it is our last push or fetch.
      let fresh = false;
      if (this.needsSync) {
        await this.sync({ clean: true });
        this.needsSync = false;
        fresh = true;
      }
      for (let retries = 0; ;) {
        const working = new Map(this.index);
        const files = new Map(this.files);
        let tree = this.tree;
        const objects: GitObject[] = [];
        const done: { item: Pending; committed: boolean }[] = [];
        const refused: { item: Pending; error: unknown }[] = [];
        /** What the working tree must hold afterwards: file -> blob (undefined: no file). */
        const written = new Map<string, GitObject | undefined>();
        for (const item of live) {
          let change: RepoChange;
          try {
            change = await item.mutation.plan(working);
          } catch (error) {
            refused.push({ item, error });
            continue;
          }
          if (tree.resources === undefined)
            throw new Error('kustomization.yaml of the tenant repository cannot be read');
          const applied = applyChange(tree, change, item.mutation.author);
          const file = clusterFileName(change.name);
          if (applied) {
            tree = applied.tree;
            objects.push(...applied.objects);
            written.set(clusterFilePath(change.name), applied.file);
            written.set(KUSTOMIZATION_PATH, applied.kustomization);
          }
          if (change.kind === 'upsert') {
            const cluster = fromClusterResource(change.resource);
            working.set(change.name, cluster);
            files.set(file, { blob: applied?.file?.oid ?? files.get(file)?.blob ?? '', cluster });
          } else {
            working.delete(change.name);
            files.delete(file);
          }
          done.push({ item, committed: applied !== undefined });
        }
        // A refusal or "nothing to do" must hold on the remote's current state, not ours.
        if (!fresh && (refused.length > 0 || done.some(({ committed }) => !committed))) {
          await this.sync();
          fresh = true;
          continue;
        }
        for (const { item, error } of refused) await this.fail(item, error);
        live = done.map(({ item }) => item);
        const token = live[0]?.mutation.token;
        if (token === undefined) return;
        if (objects.length > 0) {
          const [pushed, stored] = await this.storeAndPush(
            token,
            this.tree.commit,
            tree.commit ?? '',
            objects,
          );
          if (pushed.status === 'rejected') throw pushed.reason;
          if (pushed.value === 'retry') {
            if (retries >= this.maxRetries) {
              throw new RepoError(
                'conflict',
                'The tenant repository kept changing while saving; the change could not be merged. Try again.',
              );
            }
            retries += 1;
            this.options.logger.info(
              { attempt: retries },
              'push rejected (the remote moved); fetching and retrying on the new head',
            );
            // Straight back in: the other writer has just pushed and is starting its next
            // change, so waiting longer only makes losing the next race likelier.
            await sleep(Math.random() * 25);
            await this.sync();
            fresh = true;
            continue;
          }
          if (stored.status === 'fulfilled') await this.adoptPushed(tree, working, files, written);
          else {
            // Landed, so the callers succeeded; the clone fetches what it could not store.
            this.needsSync = true;
            this.options.logger.error(
              { err: describe(stored.reason) },
              'storing pushed objects in the working clone failed',
            );
          }
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
      this.needsSync = true;
      if (failure.kind === 'internal')
        this.options.logger.error({ err: describe(error) }, 'tenant repository write failed');
      for (const item of [...live].reverse()) await this.fail(item, failure);
    }
  }

  /** Our push landed: its last commit is the remote's main, and so the state. */
  private async adoptPushed(
    tree: TenantTree,
    index: Map<string, Cluster>,
    files: Map<string, IndexedFile>,
    written: Map<string, GitObject | undefined>,
  ): Promise<void> {
    const commit = tree.commit ?? '';
    this.tree = tree;
    this.setIndex(index, files);
    this.lastSyncAt = Date.now();
    try {
      // The working tree and git's index follow, so that the clone looks as if git did it.
      const updateWorkTree = async () => {
        await Promise.all(
          [...written].map(([file, blob]) => {
            const full = path.join(this.options.dir, file);
            return blob === undefined
              ? rm(full, { force: true })
              : writeFileAtomic(full, blob.data);
          }),
        );
        const changes = [...written].map(([file, blob]) => ({ path: file, oid: blob?.oid }));
        if (!(await updateIndex(this.options.dir, changes)))
          await this.git(['reset', '--quiet', 'HEAD']);
      };
      await Promise.all([
        this.objects.writeRef(ORIGIN_MAIN, commit),
        this.objects.writeRef(MAIN, commit),
        updateWorkTree(),
      ]);
    } catch (error) {
      // The push landed, so the callers succeeded; the clone is put right before the next write.
      this.needsSync = true;
      this.options.logger.error(
        { err: describe(error) },
        'updating the working clone after a push failed',
      );
    }
  }

  /**
   * Stores the new objects in the clone and pushes them. Over HTTP the push carries its own
   * pack, so storing runs meanwhile (the objects must be stored before any ref here names
   * them; a lost push leaves them unused). `git push` (other remotes) needs them stored first.
   */
  private async storeAndPush(
    token: string,
    oldOid: string | undefined,
    newOid: string,
    objects: GitObject[],
  ): Promise<[PromiseSettledResult<'ok' | 'retry'>, PromiseSettledResult<void>]> {
    if (this.receivePack) {
      return Promise.all([
        this.push(token, oldOid, newOid, objects).then(settled, failed),
        this.objects.writeLoose(objects).then(settled, failed),
      ]);
    }
    const stored = await this.objects.writeLoose(objects).then(settled, failed);
    if (stored.status === 'rejected') return [stored, stored];
    return [await this.push(token, oldOid, newOid, objects).then(settled, failed), stored];
  }

  /** Pushes `newOid` to main; returns 'retry' when main is not at `oldOid` any more. */
  private async push(
    token: string,
    oldOid: string | undefined,
    newOid: string,
    objects: GitObject[],
  ): Promise<'ok' | 'retry'> {
    if (this.receivePack) {
      try {
        return await this.receivePack.push({
          oldOid: oldOid ?? NO_COMMIT,
          newOid,
          ref: MAIN,
          objects,
          token,
        });
      } catch (error) {
        if (error instanceof PushFailure) throw this.pushError(error.kind, error);
        throw error;
      }
    }
    // Other remotes (file://): git itself pushes the objects just stored.
    try {
      await this.git(['push', '--porcelain', 'origin', `${newOid}:${MAIN}`], {
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
    if (kind === 'unavailable' || operation === 'push')
      return this.pushError(kind, error, operation);
    // A refused clone or fetch is the service's own (read) token: a configuration problem.
    this.options.logger.error(
      { err: describe(error) },
      `git ${operation} of the tenant repository failed`,
    );
    return new RepoError('internal', `git ${operation} failed`, { cause: error });
  }

  private pushError(
    kind: string,
    error: unknown,
    operation: 'clone' | 'fetch' | 'push' = 'push',
  ): RepoError {
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
        return new RepoError(
          'forbidden',
          'GitLab refused the push to the tenant repository: you may not push to its main branch.',
          { cause: error },
        );
      case 'unauthenticated':
        return new RepoError(
          'unauthenticated',
          'GitLab did not accept your access token for the push. Sign in again.',
          { cause: error },
        );
      default:
        log.error({ err: describe(error) }, `git ${operation} of the tenant repository failed`);
        return new RepoError('internal', `git ${operation} failed`, { cause: error });
    }
  }

  private git(args: string[], options: Omit<GitRunOptions, 'cwd'> = {}) {
    return this.options.git.run(args, { cwd: this.options.dir, ...options });
  }
}

function settled<T>(value: T): PromiseFulfilledResult<T> {
  return { status: 'fulfilled', value };
}

function failed(reason: unknown): PromiseRejectedResult {
  return { status: 'rejected', reason };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What of an error may be logged: its message (git's output is redacted by GitCommandError). */
function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
