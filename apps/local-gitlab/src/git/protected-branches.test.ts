import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../users/users-file.schema';
import { PROTECTED_BRANCH_MESSAGES } from './pre-receive-hook';
import { checkProtectedBranches } from './protected-branches';
import { ZERO_OID } from './push-commands';

const project = ProjectSchema.parse({
  id: 9,
  path_with_namespace: 'team/rules',
  name: 'rules',
  protected_branches: [
    { name: 'main', push_access_level: 40 },
    { name: 'release/*', push_access_level: 30 },
  ],
  initial_files: { 'README.md': '# rules\n' },
});
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const update = (ref: string, oldOid = A, newOid = B) => ({ oldOid, newOid, ref });
const forward = () => true;
const notShown = () => false;

describe('the protected-branch rules checked before git runs', () => {
  it('when a developer pushes to main or a maintainer deletes it, then the push is refused with GitLab message', () => {
    expect(checkProtectedBranches(project, 30, [update('refs/heads/main')], forward)).toEqual({
      verdict: 'refused',
      message: PROTECTED_BRANCH_MESSAGES.push,
    });
    expect(
      checkProtectedBranches(project, 40, [update('refs/heads/main', A, ZERO_OID)], forward),
    ).toEqual({ verdict: 'refused', message: PROTECTED_BRANCH_MESSAGES.delete });
  });

  it('when a wildcard matches across slashes, then its level applies', () => {
    const refs = [update('refs/heads/release/2026/1')];
    expect(checkProtectedBranches(project, 20, refs, forward).verdict).toBe('refused');
    expect(checkProtectedBranches(project, 30, refs, forward).verdict).toBe('allowed');
    expect(checkProtectedBranches(project, 20, [update('refs/heads/releases')], forward)).toEqual({
      verdict: 'allowed',
    });
  });

  it('when the pack does not show that main moves forward, then the hook decides; a new branch needs no check', () => {
    expect(checkProtectedBranches(project, 40, [update('refs/heads/main')], notShown)).toEqual({
      verdict: 'ask-hook',
    });
    expect(
      checkProtectedBranches(project, 40, [update('refs/heads/main', ZERO_OID)], notShown),
    ).toEqual({ verdict: 'allowed' });
  });

  it('when a tag or an unprotected branch is rewritten or deleted, then the rules do not apply', () => {
    const refs = [update('refs/tags/main', A, ZERO_OID), update('refs/heads/feature', A, B)];
    expect(checkProtectedBranches(project, 30, refs, notShown)).toEqual({ verdict: 'allowed' });
  });
});
