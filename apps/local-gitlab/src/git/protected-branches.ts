import type { Project } from '../users/users-file.schema';
import { PROTECTED_BRANCH_MESSAGES } from './pre-receive-hook';
import { ZERO_OID, type RefUpdate } from './push-commands';

/**
 * GitLab's protected-branch rules for one push, decided by this server before git runs (as
 * GitLab's Rails decides for its pre-receive hook):
 * - `refusals`: GitLab's messages; any refuses the push as a whole;
 * - `fastForwardOnly`: the protected branches the push moves, which may only move forward.
 *   Whether they do needs the pushed commits, so git tells (receive-pack.handler.ts).
 */
export interface PushRules {
  refusals: string[];
  fastForwardOnly: string[];
}

/** GitLab's wildcard protected branches: `*` matches anything, including `/`. */
function branchPattern(name: string): RegExp {
  const parts = name.split('*').map((part) => part.replace(/[\\^$.+?()[\]{}|]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

export function protectedBranchRules(
  project: Project,
  accessLevel: number,
  updates: readonly RefUpdate[],
): PushRules {
  const rules: PushRules = { refusals: [], fastForwardOnly: [] };
  for (const update of updates) {
    if (!update.ref.startsWith('refs/heads/')) continue;
    const branch = update.ref.slice('refs/heads/'.length);
    const matching = project.protected_branches.filter((rule) =>
      branchPattern(rule.name).test(branch),
    );
    if (matching.length === 0) continue;
    // Level 0 is GitLab's "No one": nobody may push, whatever their own level.
    const mayPush = (level: number) => level !== 0 && accessLevel >= level;
    if (matching.some((rule) => !mayPush(rule.push_access_level)))
      rules.refusals.push(PROTECTED_BRANCH_MESSAGES.push);
    else if (update.newOid === ZERO_OID) rules.refusals.push(PROTECTED_BRANCH_MESSAGES.delete);
    else if (update.oldOid !== ZERO_OID) rules.fastForwardOnly.push(update.ref);
  }
  return rules;
}
