import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Pushes made by hand, as the clusters API makes them: one `POST git-receive-pack` with the
 * ref update and a pack of whole objects, so tests choose exactly what the server receives.
 */
export interface RawObject {
  type: 'commit' | 'tree' | 'blob';
  oid: string;
  data: Buffer;
}

export const ZERO_OID = '0'.repeat(40);

export function rawObject(type: RawObject['type'], data: string | Buffer): RawObject {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const oid = createHash('sha1').update(`${type} ${bytes.length}\0`).update(bytes).digest('hex');
  return { type, oid, data: bytes };
}

export function pack(objects: readonly RawObject[]): Buffer {
  const head = Buffer.alloc(12);
  head.write('PACK', 0, 'latin1');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(objects.length, 8);
  const parts = [head];
  for (const object of objects) {
    const typeCode = { commit: 1, tree: 2, blob: 3 }[object.type];
    let size = object.data.length;
    const bytes = [(typeCode << 4) | (size & 0x0f)];
    for (size >>>= 4; size > 0; size >>>= 7) {
      bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) | 0x80;
      bytes.push(size & 0x7f);
    }
    parts.push(Buffer.from(bytes), deflateSync(object.data));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

const pkt = (line: string) =>
  `${(Buffer.byteLength(line) + 4).toString(16).padStart(4, '0')}${line}`;

export function receivePackBody(
  update: { oldOid: string; newOid: string; ref: string },
  objects: readonly RawObject[],
  capabilities = 'report-status',
): Buffer {
  const command = pkt(`${update.oldOid} ${update.newOid} ${update.ref}\0${capabilities}\n`);
  return Buffer.concat([
    Buffer.from(`${command}0000`),
    update.newOid === ZERO_OID ? Buffer.alloc(0) : pack(objects),
  ]);
}

/** A commit on `parent` (a commit of the bare repository) that adds one file at the top. */
export function commitAddingFile(bareRepo: string, parent: string, file: string) {
  const gitIn = (...args: string[]) =>
    execFileSync('git', ['-C', bareRepo, ...args], { encoding: 'utf8' }).trim();
  const blob = rawObject('blob', `${file}\n`);
  const entries = gitIn('ls-tree', parent)
    .split('\n')
    .map((line) => {
      const [meta = '', name = ''] = line.split('\t');
      const [mode = '', , oid = ''] = meta.split(' ');
      return { mode: mode === '040000' ? '40000' : mode, name, oid };
    });
  entries.push({ mode: '100644', name: file, oid: blob.oid });
  const sortKey = (entry: { mode: string; name: string }) =>
    entry.mode === '40000' ? `${entry.name}/` : entry.name;
  entries.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const tree = rawObject(
    'tree',
    Buffer.concat(
      entries.map((entry) =>
        Buffer.concat([
          Buffer.from(`${entry.mode} ${entry.name}\0`),
          Buffer.from(entry.oid, 'hex'),
        ]),
      ),
    ),
  );
  const who = 'Test Author <test@example.test> 1700000000 +0000';
  const commit = rawObject(
    'commit',
    `tree ${tree.oid}\nparent ${parent}\nauthor ${who}\ncommitter ${who}\n\nadd ${file}\n`,
  );
  return { commit, objects: [blob, tree, commit] };
}

/** The report-status lines and progress messages of a receive-pack answer (sideband or not). */
export function readAnswer(body: Buffer): { report: string[]; messages: string[] } {
  const packets: Buffer[] = [];
  const read = (data: Buffer, into: (payload: Buffer) => void) => {
    for (let at = 0; at + 4 <= data.length;) {
      const length = Number.parseInt(data.toString('latin1', at, at + 4), 16);
      if (length === 0) {
        at += 4;
        continue;
      }
      into(data.subarray(at + 4, at + length));
      at += length;
    }
  };
  read(body, (payload) => packets.push(payload));
  const sideband = packets.length > 0 && packets.every((payload) => payload[0]! <= 3);
  const report: string[] = [];
  const messages: string[] = [];
  const line = (payload: Buffer) => payload.toString('utf8').replace(/\n$/, '');
  if (!sideband) packets.forEach((payload) => report.push(line(payload)));
  else {
    const status = packets.filter((payload) => payload[0] === 1).map((p) => p.subarray(1));
    read(Buffer.concat(status), (payload) => report.push(line(payload)));
    for (const payload of packets.filter((p) => p[0] === 2))
      messages.push(line(payload.subarray(1)));
  }
  return { report, messages };
}
