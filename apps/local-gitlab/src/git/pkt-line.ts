/** Git's pkt-line framing: 4 hex digits of length (including themselves), then the data. */
export const FLUSH_PKT = Buffer.from('0000', 'latin1');

export function pktLine(data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([
    Buffer.from((bytes.length + 4).toString(16).padStart(4, '0'), 'latin1'),
    bytes,
  ]);
}

/**
 * The pkt-lines at the start of `buf` up to the first flush packet; undefined when the flush
 * is not in `buf` or the framing is not pkt-line.
 */
export function readUntilFlush(buf: Buffer): Buffer[] | undefined {
  const lines: Buffer[] = [];
  let at = 0;
  while (at + 4 <= buf.length) {
    const hex = buf.toString('latin1', at, at + 4);
    if (!/^[0-9a-f]{4}$/i.test(hex)) return undefined;
    const length = Number.parseInt(hex, 16);
    if (length === 0) return lines;
    if (length < 4 || at + length > buf.length) return undefined;
    lines.push(buf.subarray(at + 4, at + length));
    at += length;
  }
  return undefined;
}
