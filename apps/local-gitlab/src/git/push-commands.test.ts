import { describe, expect, it } from 'vitest';
import { FLUSH_PKT, pktLine } from './pkt-line';
import { parsePushCommands, ZERO_OID } from './push-commands';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const body = (...lines: string[]) =>
  Buffer.concat([...lines.map((line) => pktLine(line)), FLUSH_PKT, Buffer.from('PACK...')]);

describe('the ref updates at the start of a push', () => {
  it('when a client sends several updates with capabilities, then each is read', () => {
    expect(
      parsePushCommands(
        body(
          `${A} ${B} refs/heads/main\0report-status side-band-64k\n`,
          `${ZERO_OID} ${B} refs/heads/feature\n`,
        ),
      ),
    ).toEqual([
      { oldOid: A, newOid: B, ref: 'refs/heads/main' },
      { oldOid: ZERO_OID, newOid: B, ref: 'refs/heads/feature' },
    ]);
  });

  it('when a shallow clone pushes, then its shallow lines are skipped', () => {
    expect(
      parsePushCommands(body(`shallow ${A}\n`, `${A} ${B} refs/heads/main\0report-status\n`)),
    ).toEqual([{ oldOid: A, newOid: B, ref: 'refs/heads/main' }]);
  });

  it('when the body is cut before the flush, holds a push certificate or no update, then nothing is read', () => {
    expect(parsePushCommands(pktLine(`${A} ${B} refs/heads/main\n`))).toBeUndefined();
    expect(parsePushCommands(body('push-cert\0report-status\n'))).toBeUndefined();
    expect(parsePushCommands(body())).toBeUndefined();
  });
});
