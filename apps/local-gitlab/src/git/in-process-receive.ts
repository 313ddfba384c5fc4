import { ObjectStore } from './object-store';
import { referencedObjects, type PackContents } from './pack-reader';
import { ZERO_OID, type PushCommands } from './push-commands';
import { isPlainBranchRef, updateExistingRef } from './ref-update';

export interface ReceiveAnswer {
  /** report-status lines. */
  report: string[];
  /** Progress-band messages (the client prints `remote: <message>`). */
  messages: string[];
}

/** True when every object reachable from `oid` and not in the pack is already in the repository. */
function isConnected(store: ObjectStore, pack: PackContents, oid: string): boolean {
  const seen = new Set<string>();
  const pending = [oid];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const object = pack.objects.get(next);
    if (object) pending.push(...referencedObjects(object));
    else if (!store.has(next)) return false;
  }
  return true;
}

/**
 * The common push, done here without starting git: one existing branch moves to a commit
 * whose pack holds only whole objects (what the clusters API sends; a `git push` of one
 * commit often too). The objects are written loose and the branch is moved under git's ref
 * lock, with its old value checked, as `git receive-pack` does. Anything else (several refs,
 * a new or deleted branch, deltas, a missing object, an odd repository) returns undefined:
 * git handles it, and gives the authoritative answer.
 */
export function receiveInProcess(
  gitDir: string,
  commands: PushCommands,
  pack: PackContents,
): ReceiveAnswer | undefined {
  const [update, ...others] = commands.updates;
  if (!update || others.length > 0) return undefined;
  const { oldOid, newOid, ref } = update;
  if (oldOid === ZERO_OID || newOid === ZERO_OID || !isPlainBranchRef(ref)) return undefined;
  if (!pack.complete || pack.deltas > 0) return undefined;
  if (pack.objects.get(newOid)?.type !== 'commit') return undefined;
  const store = new ObjectStore(gitDir);
  try {
    if (store.hasAlternates() || !isConnected(store, pack, newOid)) return undefined;
  } catch {
    return undefined; // a malformed tree: git says what is wrong with it
  }

  for (const object of pack.objects.values()) store.write(object);
  const result = updateExistingRef(gitDir, ref, oldOid, newOid);
  return result.ok
    ? { report: ['unpack ok', `ok ${ref}`], messages: [] }
    : {
        report: ['unpack ok', `ng ${ref} failed to update ref`],
        messages: [`error: ${result.reason}`],
      };
}
