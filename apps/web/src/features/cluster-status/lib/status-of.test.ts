import { describe, expect, it } from 'vitest';
import {
  failedResource,
  readyResource,
  snapshotDigests,
  change,
} from '../../../testing/status-fixtures';
import { createStatusDeriver, statusAvailability } from './status-of';
import { applyStatusEvent, INITIAL_STATUS_STATE } from './status-store';

const at = (data: ReturnType<typeof snapshotDigests>) =>
  applyStatusEvent(INITIAL_STATUS_STATE, { type: 'snapshot', data }, Date.now());

describe('statuses for the list', () => {
  it('when one cluster changes, then the others keep their status object (their rows do not re-render)', () => {
    const derive = createStatusDeriver();
    const now = Date.now();
    const first = at(snapshotDigests([readyResource('a'), readyResource('b')]));
    const before = derive(first, now);
    const second = applyStatusEvent(
      first,
      { type: 'cluster', data: change('b', failedResource('b', 'boom')) },
      now,
    );
    const after = derive(second, now);
    expect(after?.get('a')).toBe(before?.get('a'));
    expect(after?.get('b')).not.toBe(before?.get('b'));
    expect(after?.get('b')?.state).toBe('error');
  });

  it('when no status can be shown, then there are none, and availability says why', () => {
    const derive = createStatusDeriver();
    expect(derive(INITIAL_STATUS_STATE, Date.now())).toBeNull();
    expect(statusAvailability(INITIAL_STATUS_STATE)).toBe('waiting');
    expect(statusAvailability({ ...INITIAL_STATUS_STATE, connection: 'forbidden' })).toBe(
      'forbidden',
    );
    const notConfigured = at(
      snapshotDigests([], null, { state: 'not-configured', since: null, message: '' }),
    );
    expect(statusAvailability(notConfigured)).toBe('not-configured');
    expect(derive(notConfigured, Date.now())).toBeNull();
  });

  it('when time passes without cluster-operator re-stamping its conditions, then the status turns Stale', () => {
    const derive = createStatusDeriver();
    const stamped = Date.now();
    const state = at(snapshotDigests([readyResource('a', new Date(stamped).toISOString())]));
    expect(derive(state, stamped + 60_000)?.get('a')?.state).toBe('ready');
    expect(derive(state, stamped + 4 * 60_000)?.get('a')?.state).toBe('stale');
  });
});
