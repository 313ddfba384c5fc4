/** Git's pkt-line framing: 4 hex digits of length (including themselves), then the data. */
export const FLUSH_PKT = Buffer.from('0000', 'latin1');

export function pktLine(data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([
    Buffer.from((bytes.length + 4).toString(16).padStart(4, '0'), 'latin1'),
    bytes,
  ]);
}
