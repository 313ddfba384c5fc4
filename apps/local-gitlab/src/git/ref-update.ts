import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * A branch name this server updates itself: plain path components, nothing git's ref-name
 * rules could reject (`..`, `.lock`, a leading dot, control or special characters). Others go
 * to git.
 */
export function isPlainBranchRef(ref: string): boolean {
  if (!ref.startsWith('refs/heads/')) return false;
  return ref
    .slice('refs/heads/'.length)
    .split('/')
    .every(
      (part) =>
        /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(part) &&
        !part.includes('..') &&
        !part.endsWith('.') &&
        !part.endsWith('.lock'),
    );
}

/** A ref's value: its loose file, else its line in packed-refs; undefined when it is neither. */
function readRef(gitDir: string, ref: string): string | undefined {
  try {
    const value = readFileSync(path.join(gitDir, ref), 'utf8').trim();
    // A symbolic ref (`ref: ...`) is never what a push to a branch expects.
    return /^[0-9a-f]{40}$/.test(value) ? value : `unexpected:${value}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let packed: string;
  try {
    packed = readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
  } catch {
    return undefined;
  }
  for (const line of packed.split('\n')) {
    if (line.endsWith(` ${ref}`) && /^[0-9a-f]{40} /.test(line)) return line.slice(0, 40);
  }
  return undefined;
}

export type RefUpdateResult = { ok: true } | { ok: false; reason: string };

/**
 * Moves an existing branch from `oldOid` to `newOid` with git's own locking protocol: the
 * `<ref>.lock` file (created exclusively) is the lock, the value is checked under it, then the
 * lock file is renamed over the ref. A git process updating the same ref at the same time
 * fails to take the lock, or this does. Synchronous, like the object store, for speed.
 */
export function updateExistingRef(
  gitDir: string,
  ref: string,
  oldOid: string,
  newOid: string,
): RefUpdateResult {
  const refFile = path.join(gitDir, ref);
  const lockFile = `${refFile}.lock`;
  let lock: number;
  try {
    // A branch that is only in packed-refs may have lost its directory.
    mkdirSync(path.dirname(refFile), { recursive: true });
    lock = openSync(lockFile, 'wx', 0o644);
  } catch {
    return { ok: false, reason: `cannot lock ref '${ref}'` };
  }
  let renamed = false;
  try {
    const current = readRef(gitDir, ref);
    if (current !== oldOid) {
      return {
        ok: false,
        reason: `cannot lock ref '${ref}': is at ${current} but expected ${oldOid}`,
      };
    }
    writeSync(lock, `${newOid}\n`);
    closeSync(lock);
    lock = -1;
    renameSync(lockFile, refFile);
    renamed = true;
    return { ok: true };
  } finally {
    if (lock >= 0) closeSync(lock);
    if (!renamed) unlinkSync(lockFile);
  }
}
