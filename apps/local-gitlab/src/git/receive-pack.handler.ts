import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { runGitService } from './git-service';
import { inflatedBody } from './request-body';

/**
 * Settings for every `git receive-pack`, which makes it as strict as GitLab's:
 * - `receive.fsckObjects`: every object is checked as it is received (a malformed tree, a
 *   commit naming an object that is neither sent nor here), and a bad push moves no ref;
 * - no `git gc --auto` after the push (one more process, and the client would wait for it);
 * - `alternateRefsCommand=true` because the connectivity check otherwise starts
 *   `git for-each-ref` on this very repository (git sees it as the alternate of the push's
 *   quarantine), whose refs `rev-list --all` already has.
 * GitLab's protected-branch rules are the pre-receive hook's (pre-receive-hook.ts), which git
 * runs on every push with GL_ID, GL_USER_ACCESS_LEVEL and GL_PROTECTED_BRANCHES from `env`.
 */
const RECEIVE_CONFIG = [
  'receive.fsckObjects=true',
  'receive.autogc=false',
  'core.alternateRefsCommand=true',
];

export interface ReceivePackOptions {
  gitDir: string;
  /** For git and the pre-receive hook (GL_ID, GL_USER_ACCESS_LEVEL, GL_PROTECTED_BRANCHES). */
  env: Record<string, string>;
  log: Logger;
}

/** `POST <repo>.git/git-receive-pack`: the push, received by `git receive-pack` itself. */
export async function handleReceivePack(
  req: Request,
  res: Response,
  options: ReceivePackOptions,
): Promise<void> {
  options.log.info({ event: 'git_push' }, 'git push');
  await runGitService(res, {
    service: 'git-receive-pack',
    gitDir: options.gitDir,
    env: options.env,
    config: RECEIVE_CONFIG,
    advertise: false,
    input: inflatedBody(req),
    log: options.log,
  });
}
