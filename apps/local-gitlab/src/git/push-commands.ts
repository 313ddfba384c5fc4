import { readUntilFlush } from './pkt-line';

export const ZERO_OID = '0'.repeat(40);

export interface RefUpdate {
  oldOid: string;
  newOid: string;
  ref: string;
}

export interface PushCommands {
  updates: RefUpdate[];
  /** What the client asked for on its first command line (`report-status`, `side-band-64k`, ...). */
  capabilities: Set<string>;
  /** Where the packfile starts in the request body (after the commands' flush packet). */
  packOffset: number;
}

const COMMAND = /^([0-9a-f]{40}) ([0-9a-f]{40}) (refs\/\S+)$/;

/**
 * The ref update commands at the start of a receive-pack request (protocol v0/v1, SHA-1).
 * Undefined for anything else (a push certificate, shallow lines, SHA-256, an incomplete or
 * malformed body): the caller then leaves every decision to git and the pre-receive hook.
 */
export function parsePushCommands(body: Buffer): PushCommands | undefined {
  const section = readUntilFlush(body);
  if (!section || section.lines.length === 0) return undefined;
  const updates: RefUpdate[] = [];
  let capabilities = new Set<string>();
  for (const [index, raw] of section.lines.entries()) {
    let line = raw.toString('utf8');
    const nul = line.indexOf('\0');
    if (nul >= 0) {
      if (index === 0)
        capabilities = new Set(
          line
            .slice(nul + 1)
            .trim()
            .split(/\s+/),
        );
      line = line.slice(0, nul);
    }
    const match = COMMAND.exec(line.replace(/\n$/, ''));
    if (!match?.[1] || !match[2] || !match[3]) return undefined;
    updates.push({ oldOid: match[1], newOid: match[2], ref: match[3] });
  }
  return { updates, capabilities, packOffset: section.end };
}
