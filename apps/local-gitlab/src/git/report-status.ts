import { FLUSH_PKT, pktLine } from './pkt-line';

/** Data bytes per sideband packet: the packet limit less the length and band bytes. */
const SIDEBAND_MAX_DATA = { 'side-band-64k': 65_515, 'side-band': 995 } as const;

function sideband(band: 1 | 2, data: Buffer, maxData: number): Buffer[] {
  const packets: Buffer[] = [];
  for (let at = 0; at < data.length; at += maxData) {
    packets.push(pktLine(Buffer.concat([Buffer.from([band]), data.subarray(at, at + maxData)])));
  }
  return packets;
}

/**
 * A receive-pack answer as git writes it: `messages` on the progress band (the client prints
 * each as `remote: <message>`) when the client asked for a sideband, then the report-status
 * lines (`unpack ok`, `ok <ref>` or `ng <ref> <reason>`) when it asked for them.
 */
export function receivePackAnswer(
  capabilities: ReadonlySet<string>,
  report: readonly string[],
  messages: readonly string[] = [],
): Buffer {
  const wantsReport = capabilities.has('report-status') || capabilities.has('report-status-v2');
  const status = wantsReport
    ? Buffer.concat([...report.map((line) => pktLine(`${line}\n`)), FLUSH_PKT])
    : Buffer.alloc(0);
  const band = capabilities.has('side-band-64k')
    ? 'side-band-64k'
    : capabilities.has('side-band')
      ? 'side-band'
      : undefined;
  if (!band) return status;
  const max = SIDEBAND_MAX_DATA[band];
  const progress = messages.map((message) => Buffer.from(`${message}\n`, 'utf8'));
  return Buffer.concat([
    ...progress.flatMap((message) => sideband(2, message, max)),
    ...sideband(1, status, max),
    FLUSH_PKT,
  ]);
}
