/**
 * Git's object format, in process: hashing, loose-object encoding, trees, commits and packs.
 * A save builds its blob, trees and commit here instead of running `git add` and `git commit`
 * (each git process costs tens of milliseconds; hashing a few objects costs microseconds).
 * Only SHA-1 repositories (git's default) are supported.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export type ObjectType = 'blob' | 'tree' | 'commit';

export interface GitObject {
  type: ObjectType;
  oid: string;
  /** The object's content, without git's `<type> <size>\0` header. */
  data: Buffer;
}

export interface TreeEntry {
  /** `100644`, `100755`, `120000`, `40000` (tree) or `160000` (submodule). */
  mode: string;
  name: string;
  oid: string;
}

export const TREE_MODE = '40000';
export const FILE_MODE = '100644';

function header(type: ObjectType, size: number): Buffer {
  return Buffer.from(`${type} ${size}\0`, 'latin1');
}

export function makeObject(type: ObjectType, data: Buffer | string): GitObject {
  const content = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const oid = createHash('sha1').update(header(type, content.length)).update(content).digest('hex');
  return { type, oid, data: content };
}

/** The bytes of a loose object file (`.git/objects/ab/cdef...`): zlib of header and content. */
export function looseObjectBytes(object: GitObject): Buffer {
  return deflateSync(Buffer.concat([header(object.type, object.data.length), object.data]), {
    level: 1,
  });
}

/** The key git sorts tree entries by: the name, a tree's as if it ended in `/`. */
function sortKey(entry: TreeEntry): string {
  return entry.mode === TREE_MODE ? `${entry.name}/` : entry.name;
}

/** Git's tree order: by the bytes of the sort key. */
export function compareTreeEntries(a: TreeEntry, b: TreeEntry): number {
  return Buffer.compare(Buffer.from(sortKey(a), 'utf8'), Buffer.from(sortKey(b), 'utf8'));
}

// Entries are immutable and mostly carried over from one tree to the next: encode each once.
const encodedEntries = new WeakMap<TreeEntry, Buffer>();

function encodeEntry(entry: TreeEntry): Buffer {
  let bytes = encodedEntries.get(entry);
  if (!bytes) {
    bytes = Buffer.concat([
      Buffer.from(`${entry.mode} ${entry.name}\0`, 'utf8'),
      Buffer.from(entry.oid, 'hex'),
    ]);
    encodedEntries.set(entry, bytes);
  }
  return bytes;
}

/** Encodes entries (in any order; sorted here) as a tree object. */
export function makeTree(entries: readonly TreeEntry[]): GitObject {
  const keyed = entries.map((entry) => ({ entry, key: sortKey(entry) }));
  // For ASCII names (all cluster files), UTF-16 order is byte order: no buffers needed.
  // eslint-disable-next-line no-control-regex
  if (keyed.every(({ key }) => /^[\x00-\x7f]*$/.test(key))) {
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  } else {
    keyed.sort((a, b) => compareTreeEntries(a.entry, b.entry));
  }
  return makeObject('tree', Buffer.concat(keyed.map(({ entry }) => encodeEntry(entry))));
}

export function parseTree(data: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new Error('malformed tree object');
    entries.push({
      mode: data.toString('latin1', at, space),
      name: data.toString('utf8', space + 1, nul),
      oid: data.toString('hex', nul + 1, nul + 21),
    });
    at = nul + 21;
  }
  return entries;
}

/** The tree a commit points at. */
export function commitTree(data: Buffer): string {
  const match = /^tree ([0-9a-f]{40})\n/.exec(data.toString('latin1', 0, 46));
  if (!match?.[1]) throw new Error('malformed commit object');
  return match[1];
}

export interface Identity {
  name: string;
  email: string;
}

/**
 * An identity as git writes it: like git's own ident code, characters that would break the
 * header (`<`, `>`, newlines, NUL) are dropped and leading/trailing "crud" trimmed, so a
 * GitLab display name can never add a line to the commit.
 */
export function sanitizeIdentity(identity: Identity): Identity {
  const clean = (text: string) =>
    text
      .replace(/[<>\n\r\0]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/^[\s.,:;"'\\\x00-\x20]+|[\s.,:;"'\\\x00-\x20]+$/g, '');
  const email = clean(identity.email);
  const name = clean(identity.name) || email.split('@')[0] || 'unknown';
  return { name, email };
}

function timestamp(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${seconds} ${zone}`;
}

/** A commit authored and committed by `identity` (as `git -c user.name=... commit` does). */
export function makeCommit(options: {
  tree: string;
  parent: string | undefined;
  identity: Identity;
  message: string;
  date?: Date;
}): GitObject {
  const { name, email } = sanitizeIdentity(options.identity);
  const when = timestamp(options.date ?? new Date());
  const person = `${name} <${email}> ${when}`;
  const lines = [`tree ${options.tree}`];
  if (options.parent) lines.push(`parent ${options.parent}`);
  lines.push(`author ${person}`, `committer ${person}`, '', options.message.replace(/\n*$/, ''));
  return makeObject('commit', `${lines.join('\n')}\n`);
}

const PACK_TYPES: Record<ObjectType, number> = { commit: 1, tree: 2, blob: 3 };

/** A version 2 pack of whole (undeltified) objects, as a push sends them. */
export function makePack(objects: readonly GitObject[]): Buffer {
  const head = Buffer.alloc(12);
  head.write('PACK', 0, 'latin1');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(objects.length, 8);
  const parts: Buffer[] = [head];
  for (const object of objects) {
    let size = object.data.length;
    const bytes: number[] = [(PACK_TYPES[object.type] << 4) | (size & 0x0f)];
    size >>>= 4;
    while (size > 0) {
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) | 0x80;
      bytes.push(size & 0x7f);
      size >>>= 7;
    }
    parts.push(Buffer.from(bytes), deflateSync(object.data, { level: 1 }));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}
