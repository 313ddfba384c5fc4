/**
 * Crash safety for the secret store.
 *
 * A save writes the kubeconfig before its commit is pushed (so a push never lands without
 * its secret), and a delete removes it before. A crash (SIGKILL, power loss) between the two
 * would leave a secret that belongs to no cluster, a cluster without its secret, or a cluster
 * file next to a kubeconfig from a request that never landed.
 *
 * So every change is journaled: `snapshot()` (the start of a change) records, in this
 * instance's own data directory, the secret's bytes before the change and a fingerprint of
 * what the secret belongs to (its cluster, as the tenant repository holds it). The entry is removed
 * when the change settles: `restore()` (rolled back) or `settle()` (landed). On the next
 * start, `recover()` looks at every entry left behind: if the cluster is still as it was, the
 * change did not land and the secret is put back; if it changed, it landed and the secret
 * stays. Temporary files of interrupted writes are removed too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { writeFileAtomic } from '../tenant-repo/atomic-write';
import { SecretStore, type SecretLocation, type SecretSnapshot } from './secret-store';

export interface SecretJournalOptions {
  /** The journal's folder: this instance's own (under DATA_DIR), never shared. */
  dir: string;
  /**
   * A fingerprint of what the secret belongs to, as it is now (for a kubeconfig: its cluster as
   * the tenant repository's index holds it). Recorded at the start of a change, compared at
   * recovery.
   */
  stateOf(location: SecretLocation): Promise<string>;
  logger: Logger;
}

const EntrySchema = z.object({
  v: z.literal(1),
  id: z.string(),
  location: z.object({ mount: z.string(), path: z.string() }),
  /** The secret file's bytes before the change (still encrypted), or null when there was none. */
  before: z.string().nullable(),
  state: z.string(),
});
type Entry = z.infer<typeof EntrySchema>;

export interface RecoveryReport {
  /** Changes that did not land: their secret was put back as it was. */
  undone: string[];
  /** Changes that landed: their secret was kept. */
  kept: string[];
}

const TEMPORARY = /\.tmp-[0-9a-f]+$/;

export class JournaledSecretStore extends SecretStore {
  /** The open entry per location (its id), so that a late settle cannot end a newer change. */
  private readonly open = new Map<string, string>();
  /** Journal operations on one location run one at a time. */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    root: string,
    key: Buffer,
    private readonly journal: SecretJournalOptions,
  ) {
    super(root, key);
  }

  /** Starts a change: the bytes before it and the owner's state are journaled first. */
  override async snapshot(location: SecretLocation): Promise<SecretSnapshot> {
    const before = await this.read(location);
    const state = await this.journal.stateOf(location);
    const entry: Entry = {
      v: 1,
      id: randomBytes(8).toString('hex'),
      location: { mount: location.mount, path: location.path },
      before: before === undefined ? null : before.toString('base64'),
      state,
    };
    await this.serially(location, async () => {
      await writeFileAtomic(this.entryFile(location), JSON.stringify(entry), {
        mode: 0o600,
        dirMode: 0o700,
        fsync: true,
      });
      this.open.set(keyOf(location), entry.id);
    });
    return before;
  }

  /** Rolls a change back and closes its journal entry. */
  override async restore(location: SecretLocation, snapshot: SecretSnapshot): Promise<void> {
    await super.restore(location, snapshot);
    await this.settle(location, this.openEntry(location));
  }

  /** The id of the change now open on `location` (to settle exactly that one later). */
  openEntry(location: SecretLocation): string | undefined {
    return this.open.get(keyOf(location));
  }

  /** The change `id` landed: its journal entry is closed (a newer change's entry is kept). */
  settle(location: SecretLocation, id: string | undefined): Promise<void> {
    if (id === undefined) return Promise.resolve();
    return this.serially(location, async () => {
      if (this.open.get(keyOf(location)) !== id) return;
      await rm(this.entryFile(location), { force: true });
      this.open.delete(keyOf(location));
    });
  }

  /** At start, before any request: finishes or undoes every change a crash interrupted. */
  async recover(): Promise<RecoveryReport> {
    const report: RecoveryReport = { undone: [], kept: [] };
    await mkdir(this.journal.dir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(this.journal.dir)) {
      const file = path.join(this.journal.dir, name);
      if (!name.endsWith('.json')) {
        await rm(file, { force: true }); // a journal write cut short
        continue;
      }
      let entry: Entry;
      try {
        entry = EntrySchema.parse(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        // Written atomically, so this is not ours or was damaged: nothing safe to undo.
        this.journal.logger.error({ file: name }, 'unreadable secret journal entry ignored');
        await rm(file, { force: true });
        continue;
      }
      const { location } = entry;
      const landed = (await this.journal.stateOf(location)) !== entry.state;
      if (!landed)
        await super.restore(
          location,
          entry.before === null ? undefined : Buffer.from(entry.before, 'base64'),
        );
      await this.removeTemporaryFiles(location);
      (landed ? report.kept : report.undone).push(location.path);
      await rm(file, { force: true });
    }
    if (report.undone.length + report.kept.length > 0)
      this.journal.logger.warn(
        { event: 'secrets_recovered', undone: report.undone, kept: report.kept },
        'finished secret changes interrupted by a crash',
      );
    return report;
  }

  /** Temporary files beside a secret: left by a write the crash interrupted. */
  private async removeTemporaryFiles(location: SecretLocation): Promise<void> {
    const file = this.fileOf(location);
    const dir = path.dirname(file);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const prefix = `.${path.basename(file)}.tmp-`;
    for (const name of names)
      if (name.startsWith(prefix) && TEMPORARY.test(name))
        await rm(path.join(dir, name), { force: true });
    await this.pruneEmptyDirs(dir);
  }

  private entryFile(location: SecretLocation): string {
    return path.join(this.journal.dir, `${keyOf(location)}.json`);
  }

  private serially<T>(location: SecretLocation, task: () => Promise<T>): Promise<T> {
    const key = keyOf(location);
    const result = (this.chains.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return result;
  }
}

/** A file name for a location: its logical path hashed (no path separators, fixed length). */
function keyOf(location: SecretLocation): string {
  return createHash('sha256').update(`${location.mount}/${location.path}`).digest('hex');
}
