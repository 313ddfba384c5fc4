import { describe, expect, it } from 'vitest';
import { ruleTextKey } from '../../lib/rule-text';
import { lockReason } from './wizard-locks';

describe('lock reasons', () => {
  it('when a host carries virtual clusters, then the reason names them and is told by "wizard.locked.reason" with its values', () => {
    const reason = lockReason('cluster-host', ['v1', 'v2']);
    expect(reason).toContain('cluster-host carries virtual clusters v1, v2');
    expect(ruleTextKey(reason)).toEqual({
      key: 'wizard.locked.reason',
      values: { name: 'cluster-host', dependents: 'v1, v2' },
    });
  });

  it('when a message is a field rule, then it is not a lock reason', () => {
    expect(ruleTextKey('Choose what kind of cluster to register.')?.key).not.toBe(
      'wizard.locked.reason',
    );
  });
});
