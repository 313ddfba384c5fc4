import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Project } from '../users/users-file.schema';
import { collectGitService, runGitService, sendGitAnswer } from './git-service';
import { protectedBranchRules } from './protected-branches';
import { parsePushCommands } from './push-commands';
import { bufferBody, inflatedBody } from './request-body';

/**
 * Settings for every `git receive-pack`, which make it as strict as GitLab's:
 * - `receive.fsckObjects`: every object is checked as it is received (a malformed tree, a
 *   commit naming an object that is neither sent nor here), and a bad push moves no ref;
 * - no `git gc --auto` after the push (one more process, and the client would wait for it);
 * - `alternateRefsCommand=true` because the connectivity check otherwise starts
 *   `git for-each-ref` on this very repository (git sees it as the alternate of the push's
 *   quarantine), whose refs `rev-list --all` already has.
 * Small pushes are unpacked into loose objects (git's default below 100 objects): keeping each
 * as a pack costs the same per push, measured, and without `gc` the packs would pile up.
 */
const RECEIVE_CONFIG = [
  'receive.fsckObjects=true',
  'receive.autogc=false',
  'core.alternateRefsCommand=true',
];
/** No hook: the server has nothing for it to carry out. */
const NO_HOOK = 'core.hooksPath=/dev/null';
/** git itself refuses a branch that does not move forward, in its own process. */
const FAST_FORWARD_ONLY = 'receive.denyNonFastForwards=true';

/** Pushes up to this size are read whole before git runs (a cluster save is a few KiB). */
const BUFFERED_PUSH_BYTES = 8 * 1024 * 1024;

export interface ReceivePackOptions {
  project: Project;
  /** The pusher's access level to the project (0 for a deploy token). */
  accessLevel: number;
  gitDir: string;
  /** For git and the pre-receive hook (GL_ID, GL_USERNAME, ...). */
  env: Record<string, string>;
  log: Logger;
}

/**
 * `POST <repo>.git/git-receive-pack`: the push, received by `git receive-pack` itself.
 * GitLab's protected-branch rules are decided here from the ref updates at the start of the
 * body (protected-branches.ts) and carried out by the pre-receive hook (pre-receive-hook.ts),
 * which git runs only when it has something to do:
 * - a refusal: the hook declines the push with GitLab's words;
 * - one protected branch moving: git refuses a non-fast-forward itself (no hook, no
 *   `merge-base` process: the common push, a save of the clusters API); when it does, the push
 *   is received again with the hook, which declines it with GitLab's words;
 * - several refs with protected branches among them: the hook checks those with `merge-base`;
 * - no protected branch: no hook.
 */
export async function handleReceivePack(
  req: Request,
  res: Response,
  options: ReceivePackOptions,
): Promise<void> {
  let body;
  try {
    body = await bufferBody(inflatedBody(req), BUFFERED_PUSH_BYTES);
  } catch {
    res.status(400).type('text/plain').send('The request body could not be read.\n');
    return;
  }
  const updates = parsePushCommands(body.head);
  const rules = updates
    ? protectedBranchRules(options.project, options.accessLevel, updates)
    : // Refs this server cannot read could be protected ones: fail closed.
      { refusals: ['The push could not be read.'], fastForwardOnly: [] };
  /** A run of git with the hook and what it is handed (`hook`), or without any hook. */
  const receive = (hook: Record<string, string> | undefined, config: string[] = []) => ({
    service: 'git-receive-pack' as const,
    gitDir: options.gitDir,
    env: { ...options.env, ...hook },
    config: [...RECEIVE_CONFIG, ...(hook ? [] : [NO_HOOK]), ...config],
    log: options.log,
  });
  const stream = (hook?: Record<string, string>) =>
    runGitService(res, { ...receive(hook), advertise: false, input: body.replay() });

  if (rules.refusals.length > 0)
    return stream({ GL_REFUSAL: rules.refusals.map((message) => `GitLab: ${message}`).join('\n') });
  const [branch] = rules.fastForwardOnly;
  if (branch === undefined) return stream();
  const checkFastForward = { GL_FAST_FORWARD_ONLY: rules.fastForwardOnly.join(' ') };
  if (updates?.length !== 1 || !body.complete) return stream(checkFastForward);

  const answer = await collectGitService({
    ...receive(undefined, [FAST_FORWARD_ONLY]),
    input: body.head,
  });
  // git's reasons when denyNonFastForwards refused the branch (or could not read its commits)
  const refusedByGit = [`ng ${branch} non-fast-forward`, `ng ${branch} bad ref`].some((status) =>
    answer?.includes(status),
  );
  if (!refusedByGit) return sendGitAnswer(res, 'git-receive-pack', answer);
  // Refused, so nothing changed: again with the hook, which refuses it in GitLab's words.
  const again = await collectGitService({ ...receive(checkFastForward), input: body.head });
  return sendGitAnswer(res, 'git-receive-pack', again);
}
