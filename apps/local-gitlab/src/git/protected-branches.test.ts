import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../users/users-file.schema';
import { PROTECTED_BRANCH_MESSAGES } from './pre-receive-hook';
import { protectedBranchRules } from './protected-branches';
import { ZERO_OID } from './push-commands';

const project = ProjectSchema.parse({
  id: 9,
  path_with_namespace: 'team/rules',
  name: 'rules',
  protected_branches: [
    { name: 'main', push_access_level: 40 },
    { name: 'release/*', push_access_level: 30 },
    { name: 'frozen', push_access_level: 0 },
  ],
  initial_files: { 'README.md': '# rules\n' },
});
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const update = (ref: string, oldOid = A, newOid = B) => ({ oldOid, newOid, ref });
const allowed = (fastForwardOnly: string[] = []) => ({ refusals: [], fastForwardOnly });

describe('the protected-branch rules the server decides before git runs', () => {
  it('when a developer pushes to main or a maintainer deletes it, then the push is refused with GitLab message', () => {
    expect(protectedBranchRules(project, 30, [update('refs/heads/main')])).toEqual({
      refusals: [PROTECTED_BRANCH_MESSAGES.push],
      fastForwardOnly: [],
    });
    expect(protectedBranchRules(project, 40, [update('refs/heads/main', A, ZERO_OID)])).toEqual({
      refusals: [PROTECTED_BRANCH_MESSAGES.delete],
      fastForwardOnly: [],
    });
  });

  it('when a wildcard matches across slashes, then its level applies', () => {
    const refs = [update('refs/heads/release/2026/1')];
    expect(protectedBranchRules(project, 20, refs).refusals).toEqual([
      PROTECTED_BRANCH_MESSAGES.push,
    ]);
    expect(protectedBranchRules(project, 30, refs)).toEqual(allowed(['refs/heads/release/2026/1']));
    expect(protectedBranchRules(project, 20, [update('refs/heads/releases')])).toEqual(allowed());
  });

  it('when the branch allows no one to push (level 0), then even a maintainer is refused', () => {
    expect(protectedBranchRules(project, 40, [update('refs/heads/frozen')]).refusals).toEqual([
      PROTECTED_BRANCH_MESSAGES.push,
    ]);
  });

  it('when main moves, then it may only move forward; creating it needs no such check', () => {
    expect(protectedBranchRules(project, 40, [update('refs/heads/main')])).toEqual(
      allowed(['refs/heads/main']),
    );
    expect(protectedBranchRules(project, 40, [update('refs/heads/main', ZERO_OID)])).toEqual(
      allowed(),
    );
  });

  it('when a tag or an unprotected branch is rewritten or deleted, then the rules do not apply', () => {
    const refs = [update('refs/tags/main', A, ZERO_OID), update('refs/heads/feature', A, B)];
    expect(protectedBranchRules(project, 30, refs)).toEqual(allowed());
  });
});
