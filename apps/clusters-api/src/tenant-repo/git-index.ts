/**
 * Git's index file (`.git/index`), updated in process after a save so that `git status` of
 * the working clone stays clean without running `git add` or `git reset` (a process each).
 * Only what git writes by default is understood (versions 2 and 3, no conflict stages, no
 * split or sparse index); `updateIndex` answers false for anything else and the caller lets
 * git do it. Optional extensions (the cache tree and the like) are dropped: git rebuilds
 * them when it needs them. Written through `index.lock` and renamed, as git does.
 * Format: https://git-scm.com/docs/index-format
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeThroughLock } from './atomic-write';

export interface IndexChange {
  /** Path relative to the working tree, with `/`. */
  path: string;
  /** The blob now at `path`, whose bytes are in the working tree; undefined: removed. */
  oid: string | undefined;
}

interface RawEntry {
  path: Buffer;
  bytes: Buffer;
}

const HEADER = 12;
const FIXED = 62;
const FILE_MODE = 0o100644;

function parseEntries(data: Buffer, version: number, count: number) {
  const entries: RawEntry[] = [];
  let at = HEADER;
  for (let i = 0; i < count; i += 1) {
    const flags = data.readUInt16BE(at + 60);
    if ((flags >> 12) & 0x3) return undefined; // a conflict stage: leave it to git
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return undefined;
    const nameStart = at + FIXED + (extended ? 2 : 0);
    const nameEnd = data.indexOf(0, nameStart);
    if (nameEnd < 0) return undefined;
    const length = ((nameStart - at + (nameEnd - nameStart) + 8) & ~7) >>> 0;
    entries.push({
      path: data.subarray(nameStart, nameEnd),
      bytes: data.subarray(at, at + length),
    });
    at += length;
  }
  return { entries, end: at };
}

/** Extensions after the entries; undefined when one git requires us to understand is there. */
function onlyOptionalExtensions(data: Buffer, from: number): boolean {
  let at = from;
  const end = data.length - 20;
  while (at + 8 <= end) {
    const first = data[at] ?? 0;
    if (first < 0x41 || first > 0x5a) return false; // lower-case: required (split, sparse, ...)
    at += 8 + data.readUInt32BE(at + 4);
  }
  return true;
}

async function entryFor(workTree: string, change: IndexChange & { oid: string }): Promise<Buffer> {
  const info = await stat(path.join(workTree, change.path), { bigint: true });
  const name = Buffer.from(change.path, 'utf8');
  const length = (FIXED + name.length + 8) & ~7;
  const entry = Buffer.alloc(length);
  const seconds = (ns: bigint) => Number((ns / 1_000_000_000n) & 0xffffffffn);
  const nanos = (ns: bigint) => Number(ns % 1_000_000_000n);
  entry.writeUInt32BE(seconds(info.ctimeNs), 0);
  entry.writeUInt32BE(nanos(info.ctimeNs), 4);
  entry.writeUInt32BE(seconds(info.mtimeNs), 8);
  entry.writeUInt32BE(nanos(info.mtimeNs), 12);
  entry.writeUInt32BE(Number(info.dev & 0xffffffffn), 16);
  entry.writeUInt32BE(Number(info.ino & 0xffffffffn), 20);
  entry.writeUInt32BE(FILE_MODE, 24);
  entry.writeUInt32BE(Number(info.uid & 0xffffffffn), 28);
  entry.writeUInt32BE(Number(info.gid & 0xffffffffn), 32);
  entry.writeUInt32BE(Number(info.size & 0xffffffffn), 36);
  entry.write(change.oid, 40, 'hex');
  entry.writeUInt16BE(Math.min(name.length, 0xfff), 60);
  name.copy(entry, FIXED);
  return entry;
}

/**
 * Applies `changes` (files already written to the working tree) to the index. False when the
 * index is in a form this does not handle (nothing was written then).
 */
export async function updateIndex(workTree: string, changes: IndexChange[]): Promise<boolean> {
  const file = path.join(workTree, '.git', 'index');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return false;
  }
  if (data.length < HEADER + 20 || data.toString('latin1', 0, 4) !== 'DIRC') return false;
  const version = data.readUInt32BE(4);
  if (version !== 2 && version !== 3) return false;
  const parsed = parseEntries(data, version, data.readUInt32BE(8));
  if (!parsed || !onlyOptionalExtensions(data, parsed.end)) return false;

  const byPath = new Map<string, RawEntry>();
  for (const entry of parsed.entries) byPath.set(entry.path.toString('utf8'), entry);
  for (const change of changes) {
    if (change.oid === undefined) byPath.delete(change.path);
    else {
      const bytes = await entryFor(workTree, { path: change.path, oid: change.oid });
      byPath.set(change.path, { path: Buffer.from(change.path, 'utf8'), bytes });
    }
  }
  const entries = [...byPath.values()].sort((a, b) => Buffer.compare(a.path, b.path));
  const header = Buffer.alloc(HEADER);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(entries.length, 8);
  const body = Buffer.concat([header, ...entries.map((entry) => entry.bytes)]);
  const checksum = createHash('sha1').update(body).digest();

  await writeThroughLock(file, Buffer.concat([body, checksum]));
  return true;
}
