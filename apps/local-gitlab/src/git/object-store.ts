import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { PackedObject } from './pack-reader';

/** Pack indexes never change once written (their name is their pack's checksum): read once. */
const packIndexCache = new Map<string, Buffer>();

/** Binary search in a version 2 pack index: magic, version, fan-out table, sorted ids. */
function indexHas(index: Buffer, oid: Buffer): boolean {
  if (
    index.length < 8 + 1024 ||
    index.readUInt32BE(0) !== 0xff744f63 ||
    index.readUInt32BE(4) !== 2
  )
    return false;
  const first = oid[0] ?? 0;
  let low = first === 0 ? 0 : index.readUInt32BE(8 + (first - 1) * 4);
  let high = index.readUInt32BE(8 + first * 4);
  const ids = 8 + 1024;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = oid.compare(index, ids + middle * 20, ids + middle * 20 + 20, 0, 20);
    if (order === 0) return true;
    if (order < 0) high = middle;
    else low = middle + 1;
  }
  return false;
}

/**
 * The object database of a bare repository, as far as a push needs it: whether an object is
 * there (loose or in a pack), and writing new objects loose, the way `git unpack-objects` does.
 *
 * Synchronous on purpose: a push makes a few dozen file operations of microseconds each, and
 * a trip through libuv's thread pool for each costs far more than that on a busy machine.
 */
export class ObjectStore {
  private readonly objectsDir: string;
  private indexes: Buffer[] | undefined;

  constructor(gitDir: string) {
    this.objectsDir = path.join(gitDir, 'objects');
  }

  private loosePath(oid: string): string {
    return path.join(this.objectsDir, oid.slice(0, 2), oid.slice(2));
  }

  /** Objects borrowed from another repository are out of this reader's reach. */
  hasAlternates(): boolean {
    return existsSync(path.join(this.objectsDir, 'info', 'alternates'));
  }

  /**
   * Packs first: after a repack nearly everything is there, and a push that references
   * thousands of unchanged files would otherwise stat a loose path for each of them.
   */
  has(oid: string): boolean {
    const id = Buffer.from(oid, 'hex');
    for (const index of this.packIndexes()) if (indexHas(index, id)) return true;
    return existsSync(this.loosePath(oid));
  }

  /** The pack indexes as of the first lookup: one listing per store (a store serves one push). */
  private packIndexes(): Buffer[] {
    if (this.indexes) return this.indexes;
    const packDir = path.join(this.objectsDir, 'pack');
    let names: string[];
    try {
      names = readdirSync(packDir).filter((name) => name.endsWith('.idx'));
    } catch {
      names = [];
    }
    this.indexes = names.map((name) => {
      const file = path.join(packDir, name);
      let index = packIndexCache.get(file);
      if (!index) {
        index = readFileSync(file);
        packIndexCache.set(file, index);
      }
      return index;
    });
    return this.indexes;
  }

  /**
   * Writes an object loose (zlib at git's default level for loose objects, read-only file),
   * through a temporary file linked into place, so a reader never sees half an object.
   */
  write(object: PackedObject): void {
    const target = this.loosePath(object.oid);
    const dir = path.dirname(target);
    mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `tmp_obj_${randomBytes(6).toString('hex')}`);
    const content = deflateSync(
      Buffer.concat([Buffer.from(`${object.type} ${object.data.length}\0`), object.data]),
      { level: 1 },
    );
    writeFileSync(temp, content, { mode: 0o444 });
    try {
      linkSync(temp, target);
    } catch (error) {
      // Already there (the same id is the same content): nothing to do.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }
}
