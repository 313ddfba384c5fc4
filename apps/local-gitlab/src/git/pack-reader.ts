import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

/** A whole object of a pack, with its id (sha1 of `<type> <size>\0<data>`). */
export interface PackedObject {
  type: ObjectType;
  oid: string;
  data: Buffer;
}

export interface PackContents {
  /** The whole objects, by id. */
  objects: Map<string, PackedObject>;
  /** How many objects are deltas (git resolves those; this reader does not). */
  deltas: number;
  /** True when every object was read and the trailing checksum matches. */
  complete: boolean;
}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;

export function objectId(type: ObjectType, data: Buffer): string {
  return createHash('sha1').update(`${type} ${data.length}\0`).update(data).digest('hex');
}

/**
 * Reads a version 2 packfile as the client sent it. Reading stops quietly at anything
 * unexpected (`complete: false`): what was found is still true, and git itself judges the pack.
 */
export function readPack(pack: Buffer): PackContents {
  const contents: PackContents = { objects: new Map(), deltas: 0, complete: false };
  if (pack.length < 32 || pack.toString('latin1', 0, 4) !== 'PACK') return contents;
  if (pack.readUInt32BE(4) !== 2) return contents;
  const count = pack.readUInt32BE(8);
  const end = pack.length - 20;
  let at = 12;
  try {
    for (let index = 0; index < count; index += 1) {
      if (at >= end) return contents;
      let byte = pack[at++] ?? 0;
      const typeCode = (byte >> 4) & 7;
      let size = byte & 0x0f;
      for (let shift = 4; byte & 0x80; shift += 7) {
        byte = pack[at++] ?? 0;
        size += (byte & 0x7f) * 2 ** shift;
      }
      if (typeCode === OFS_DELTA) while ((pack[at++] ?? 0) & 0x80);
      else if (typeCode === REF_DELTA) at += 20;
      // `info` gives the inflate engine, whose bytesWritten is how much input the object used.
      const { buffer, engine } = inflateSync(pack.subarray(at, end), { info: true }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      at += engine.bytesWritten;
      const type = TYPES[typeCode];
      if (!type) {
        contents.deltas += 1;
        continue;
      }
      if (buffer.length !== size) return contents;
      const oid = objectId(type, buffer);
      contents.objects.set(oid, { type, oid, data: buffer });
    }
  } catch {
    return contents; // a truncated or corrupt pack
  }
  const checksum = createHash('sha1').update(pack.subarray(0, end)).digest();
  contents.complete = at === end && checksum.equals(pack.subarray(end));
  return contents;
}

/** The parents of a commit, from its header. */
export function commitParents(data: Buffer): string[] {
  const header = data.toString('utf8', 0, Math.max(0, data.indexOf('\n\n')));
  return [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((match) => match[1] ?? '');
}

/** Every object id a commit, tree or tag points at (a tree's submodule entries excepted). */
export function referencedObjects(object: PackedObject): string[] {
  const { type, data } = object;
  if (type === 'commit') {
    const tree = /^tree ([0-9a-f]{40})$/m.exec(data.toString('utf8', 0, 46))?.[1];
    return [...(tree ? [tree] : []), ...commitParents(data)];
  }
  if (type === 'tag') {
    const target = /^object ([0-9a-f]{40})$/m.exec(data.toString('utf8', 0, 48))?.[1];
    return target ? [target] : [];
  }
  if (type !== 'tree') return [];
  const oids: string[] = [];
  for (let at = 0; at < data.length;) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new Error('malformed tree');
    // 160000 is a submodule's commit, which lives in another repository.
    if (data.toString('latin1', at, space) !== '160000')
      oids.push(data.toString('hex', nul + 1, nul + 21));
    at = nul + 21;
  }
  return oids;
}

/** True when the pack's commits show that `newOid` descends from `oldOid`. */
export function provesFastForward(contents: PackContents, oldOid: string, newOid: string): boolean {
  const seen = new Set<string>();
  const queue = [newOid];
  for (let oid = queue.pop(); oid !== undefined; oid = queue.pop()) {
    if (oid === oldOid) return true;
    if (seen.has(oid)) continue;
    seen.add(oid);
    const object = contents.objects.get(oid);
    if (object?.type === 'commit') queue.push(...commitParents(object.data));
  }
  return false;
}
