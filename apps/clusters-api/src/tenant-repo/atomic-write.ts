import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a reader (or a restart after SIGKILL) sees either the old or the new
 * content, never half of it: write a temporary file beside it, then rename over it.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: { mode?: number; dirMode?: number; fsync?: boolean } = {},
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: options.dirMode ?? 0o755 });
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  const handle = await open(tmp, 'wx', options.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    if (options.fsync) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Writes `file` the way git writes its refs and index: through `<file>.lock`, created
 * exclusively (a concurrent git fails on it instead of interleaving), then renamed over it.
 */
export async function writeThroughLock(file: string, data: string | Uint8Array): Promise<void> {
  const lock = `${file}.lock`;
  const handle = await open(lock, 'wx', 0o644);
  try {
    await handle.writeFile(data);
  } catch (error) {
    await handle.close();
    await rm(lock, { force: true });
    throw error;
  }
  await handle.close();
  await rename(lock, file);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
