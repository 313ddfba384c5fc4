/**
 * The working clone's `.git`, read and written the way git itself does, without a git process
 * per object: loose objects are written to a temporary file and renamed into place (a crash
 * leaves at most an unreferenced temporary file, which git ignores and `open` removes), refs
 * are written through a `.lock` file and renamed. Reading many objects at once goes through
 * one `git cat-file --batch`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { exists, writeThroughLock } from './atomic-write';
import { looseObjectBytes, type GitObject } from './git-objects';
import type { GitRunner } from './git-runner';

const TEMP_PREFIX = 'tmp_obj_cc_';

export class ObjectDatabase {
  constructor(
    private readonly workTree: string,
    private readonly git: GitRunner,
  ) {}

  private get gitDir(): string {
    return path.join(this.workTree, '.git');
  }

  /**
   * Writes the objects that are not stored yet, all at once: each takes half a dozen file
   * operations, and one after the other they cost a save more than its push.
   */
  async writeLoose(objects: readonly GitObject[]): Promise<void> {
    const objectsDir = path.join(this.gitDir, 'objects');
    await Promise.all(objects.map((object) => this.writeLooseObject(objectsDir, object)));
  }

  private async writeLooseObject(objectsDir: string, object: GitObject): Promise<void> {
    const dir = path.join(objectsDir, object.oid.slice(0, 2));
    const file = path.join(dir, object.oid.slice(2));
    if (await exists(file)) return;
    const tmp = path.join(objectsDir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
    const handle = await open(tmp, 'wx', 0o444);
    try {
      await handle.writeFile(looseObjectBytes(object));
    } finally {
      await handle.close();
    }
    await mkdir(dir, { recursive: true });
    await rename(tmp, file);
  }

  /** Temporary object files a crash left behind. */
  async removeTemporaryFiles(): Promise<void> {
    const objectsDir = path.join(this.gitDir, 'objects');
    for (const entry of await readdir(objectsDir).catch(() => [] as string[])) {
      if (entry.startsWith(TEMP_PREFIX)) await rm(path.join(objectsDir, entry), { force: true });
    }
  }

  /** Points `ref` (e.g. `refs/heads/main`) at `oid`, as `git update-ref` would. */
  async writeRef(ref: string, oid: string): Promise<void> {
    const file = path.join(this.gitDir, ref);
    await mkdir(path.dirname(file), { recursive: true });
    await writeThroughLock(file, `${oid}\n`);
  }

  /**
   * Reads objects by name (an oid or any revision such as `<commit>:path`); `undefined` for
   * one that does not exist.
   */
  async read(names: readonly string[]): Promise<(GitObject | undefined)[]> {
    if (names.length === 0) return [];
    if (names.some((name) => /[\n\r]/.test(name))) throw new Error('invalid object name');
    const output = await this.git.runBinary(['cat-file', '--batch'], `${names.join('\n')}\n`, {
      cwd: this.workTree,
      timeoutMs: 120_000,
    });
    const objects: (GitObject | undefined)[] = [];
    let at = 0;
    for (let index = 0; index < names.length; index += 1) {
      const newline = output.indexOf(0x0a, at);
      if (newline < 0) throw new Error('git cat-file answered less than asked');
      const line = output.toString('utf8', at, newline);
      at = newline + 1;
      const match = /^([0-9a-f]{40}) (\w+) (\d+)$/.exec(line);
      if (!match) {
        objects.push(undefined); // "<name> missing" or "<name> ambiguous"
        continue;
      }
      const [, oid = '', type = '', size = '0'] = match;
      const end = at + Number(size);
      const data = output.subarray(at, end);
      at = end + 1;
      objects.push(
        type === 'blob' || type === 'tree' || type === 'commit' ? { oid, type, data } : undefined,
      );
    }
    return objects;
  }
}
