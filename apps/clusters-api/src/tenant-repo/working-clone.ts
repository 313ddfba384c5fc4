/**
 * The service's working clone of the tenant repository on disk: cloned once (with the
 * service's read-only token), recovered after a crash, fetched, and kept looking as if git had
 * made our commits (HEAD, origin/main, working tree and git's index follow each push, so the
 * secret journal's fingerprints and `git status` agree with the remote).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { exists, writeFileAtomic } from './atomic-write';
import type { GitObject } from './git-objects';
import { updateIndex } from './git-index';
import type { GitRunner, GitRunOptions } from './git-runner';
import { ObjectDatabase } from './object-database';
import { remoteError } from './remote-errors';

export const MAIN = 'refs/heads/main';
export const ORIGIN_MAIN = 'refs/remotes/origin/main';
const STALE_LOCKS = [
  'index.lock',
  'HEAD.lock',
  'config.lock',
  'packed-refs.lock',
  'shallow.lock',
  'ORIG_HEAD.lock',
];

export interface WorkingCloneOptions {
  url: string;
  readToken: string;
  /** Directory of the working clone (created by `cloneFresh`). */
  dir: string;
  git: GitRunner;
  logger: Logger;
}

/** What the working tree must hold after a push: file -> blob (undefined: no file). */
export type WrittenFiles = ReadonlyMap<string, GitObject | undefined>;

export class WorkingClone {
  readonly objects: ObjectDatabase;

  constructor(private readonly options: WorkingCloneOptions) {
    this.objects = new ObjectDatabase(options.dir, options.git);
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Whether a clone is there (clones a crash left half done are removed first). */
  async hasClone(): Promise<boolean> {
    await mkdir(path.dirname(this.options.dir), { recursive: true });
    await this.removeAbandonedClones();
    return exists(path.join(this.options.dir, '.git'));
  }

  /** Makes an existing clone usable after a crash: stale locks and temporary objects removed. */
  async recover(): Promise<void> {
    await this.removeStaleLocks();
    await this.objects.removeTemporaryFiles();
    await this.git(['remote', 'set-url', 'origin', this.options.url]);
  }

  /** Clones afresh (beside, then renamed into place); resolves the remote's main. */
  async cloneFresh(): Promise<string | undefined> {
    const { dir } = this.options;
    const parent = path.dirname(dir);
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
      throw remoteError(this.options.logger, error, 'clone');
    }
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return this.readRef(MAIN);
  }

  /** Fetches the remote's main into origin/main and resolves it. */
  async fetch(): Promise<string | undefined> {
    try {
      await this.git(['fetch', '--quiet', '--no-tags', 'origin', `+${MAIN}:${ORIGIN_MAIN}`], {
        token: this.options.readToken,
        timeoutMs: 60_000,
      });
    } catch (error) {
      throw remoteError(this.options.logger, error, 'fetch');
    }
    return this.readRef(ORIGIN_MAIN);
  }

  /**
   * HEAD, index and working tree reset to origin/main (discarding anything local); `clean`
   * also removes untracked files, which only a crash leaves behind.
   */
  async resetToOrigin(clean: boolean): Promise<void> {
    await this.git(['reset', '--quiet', '--hard', ORIGIN_MAIN]);
    if (clean) await this.git(['clean', '-ffdxq']);
  }

  /** Our push landed: main and origin/main name `commit`, working tree and index follow. */
  async followPush(commit: string, written: WrittenFiles): Promise<void> {
    const updateWorkTree = async () => {
      await Promise.all(
        [...written].map(([file, blob]) => {
          const full = path.join(this.options.dir, file);
          return blob === undefined ? rm(full, { force: true }) : writeFileAtomic(full, blob.data);
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
  }

  /** A ref's commit, read from its file when it is loose (no process), else from git. */
  async readRef(ref: string): Promise<string | undefined> {
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

  git(args: string[], options: Omit<GitRunOptions, 'cwd'> = {}) {
    return this.options.git.run(args, { cwd: this.options.dir, ...options });
  }

  private async removeAbandonedClones(): Promise<void> {
    const parent = path.dirname(this.options.dir);
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
}
