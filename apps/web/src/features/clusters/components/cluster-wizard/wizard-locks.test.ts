import { describe, expect, it } from 'vitest';
import { isLockReason, lockReason } from './wizard-locks';

describe('lock reasons', () => {
  it('when a message is a lock reason, then it is recognised (so Chinese shows the lock, not the field rule)', () => {
    expect(isLockReason(lockReason('cluster-host', ['v1', 'v2']))).toBe(true);
    expect(lockReason('cluster-host', ['v1', 'v2'])).toContain(
      'cluster-host carries virtual clusters v1, v2',
    );
  });

  it('when a message is a field rule, then it is not a lock reason', () => {
    expect(isLockReason('Choose what kind of cluster to register.')).toBe(false);
  });
});
