import { readUntilFlush } from './pkt-line';

export const ZERO_OID = '0'.repeat(40);

export interface RefUpdate {
  oldOid: string;
  newOid: string;
  ref: string;
}

/** `<old> <new> <ref>`, then the capabilities after a NUL on the first line. */
const COMMAND = /^([0-9a-f]{40}) ([0-9a-f]{40}) ([^\0\n]+)(?:\0[^\n]*)?\n?$/;
const SHALLOW = /^shallow [0-9a-f]{40}\n?$/;

/**
 * The ref updates at the start of a receive-pack request (protocol v0/v1, SHA-1), the
 * `shallow` lines of a push from a shallow clone skipped. Undefined for anything else (a push
 * certificate, SHA-256, a body cut before the commands' flush packet): the caller then refuses
 * the push rather than let an update it did not see past GitLab's rules.
 */
export function parsePushCommands(body: Buffer): RefUpdate[] | undefined {
  const lines = readUntilFlush(body);
  if (!lines) return undefined;
  const updates: RefUpdate[] = [];
  for (const raw of lines) {
    const line = raw.toString('utf8');
    if (SHALLOW.test(line)) continue;
    const match = COMMAND.exec(line);
    if (!match?.[1] || !match[2] || !match[3]) return undefined;
    updates.push({ oldOid: match[1], newOid: match[2], ref: match[3] });
  }
  return updates.length > 0 ? updates : undefined;
}
