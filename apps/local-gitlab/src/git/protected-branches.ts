import type { Project } from '../users/users-file.schema';
import { PROTECTED_BRANCH_MESSAGES } from './pre-receive-hook';
import { ZERO_OID, type RefUpdate } from './push-commands';

/**
 * What the server decides about a push before git runs:
 * - `refused`: GitLab's message, the push is declined as a whole (like its pre-receive hook);
 * - `allowed`: every protected-branch rule holds, no hook is needed;
 * - `ask-hook`: only git can tell (a protected branch moves to a commit the pack does not show
 *   to descend from the old one): the pre-receive hook checks the force push.
 */
export type PushVerdict =
  { verdict: 'refused'; message: string } | { verdict: 'allowed' } | { verdict: 'ask-hook' };

/** GitLab's wildcard protected branches: `*` matches anything, including `/`. */
function branchPattern(name: string): RegExp {
  const escaped = name.split('*').map((part) => part.replace(/[\\^$.+?()[\]{}|]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export function checkProtectedBranches(
  project: Project,
  accessLevel: number,
  updates: readonly RefUpdate[],
  isFastForward: (update: RefUpdate) => boolean,
): PushVerdict {
  let askHook = false;
  for (const update of updates) {
    if (!update.ref.startsWith('refs/heads/')) continue;
    const branch = update.ref.slice('refs/heads/'.length);
    for (const rule of project.protected_branches) {
      if (!branchPattern(rule.name).test(branch)) continue;
      if (accessLevel < rule.push_access_level)
        return { verdict: 'refused', message: PROTECTED_BRANCH_MESSAGES.push };
      if (update.newOid === ZERO_OID)
        return { verdict: 'refused', message: PROTECTED_BRANCH_MESSAGES.delete };
      if (update.oldOid !== ZERO_OID && !isFastForward(update)) askHook = true;
    }
  }
  return askHook ? { verdict: 'ask-hook' } : { verdict: 'allowed' };
}
