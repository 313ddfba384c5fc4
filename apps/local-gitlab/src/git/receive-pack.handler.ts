import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Project } from '../users/users-file.schema';
import { runGitService, setNoCache } from './git-service';
import { receiveInProcess, type ReceiveAnswer } from './in-process-receive';
import { provesFastForward, readPack, type PackContents } from './pack-reader';
import { checkProtectedBranches, type PushVerdict } from './protected-branches';
import { parsePushCommands, type PushCommands } from './push-commands';
import { receivePackAnswer } from './report-status';
import { bufferBody, inflatedBody, type BufferedBody } from './request-body';

/** Pushes up to this size are read whole before anything else (a cluster save is a few KiB). */
const BUFFERED_PUSH_BYTES = 8 * 1024 * 1024;

/**
 * Settings for every `git receive-pack`: no `git gc --auto` after the push (one more process,
 * and the client would wait for it); `alternateRefsCommand=true` because the connectivity check
 * otherwise starts `git for-each-ref` on this very repository (git sees it as the alternate of
 * the push's quarantine), whose refs `rev-list --all` already has.
 */
const RECEIVE_CONFIG = ['receive.autogc=false', 'core.alternateRefsCommand=true'];
/** When the server has checked every protected-branch rule itself, git runs no hook at all. */
const NO_HOOKS = 'core.hooksPath=/dev/null';

export interface ReceivePackOptions {
  project: Project;
  accessLevel: number;
  gitDir: string;
  /** For git and the pre-receive hook (GL_ID, GL_USER_ACCESS_LEVEL, GL_PROTECTED_BRANCHES). */
  env: Record<string, string>;
  log: Logger;
}

function sendAnswer(res: Response, commands: PushCommands, answer: ReceiveAnswer) {
  setNoCache(res);
  res
    .status(200)
    .type('application/x-git-receive-pack-result')
    .send(receivePackAnswer(commands.capabilities, answer.report, answer.messages));
}

/**
 * `POST <repo>.git/git-receive-pack`. GitLab's protected-branch rules are checked here, from
 * the ref update commands at the start of the body and the commits in its pack:
 * - a refused push is answered here, as GitLab's pre-receive hook refuses it;
 * - the common push (one branch moving forward, a pack of whole objects) is done here;
 * - any other allowed push runs `git receive-pack` without hooks;
 * - only when the pack does not show that a protected branch moves forward (or the request is
 *   not one this server reads) does git run the pre-receive hook, which decides with
 *   `git merge-base`.
 */
export async function handleReceivePack(
  req: Request,
  res: Response,
  options: ReceivePackOptions,
): Promise<void> {
  let body: BufferedBody;
  try {
    body = await bufferBody(inflatedBody(req), BUFFERED_PUSH_BYTES);
  } catch {
    res.status(400).type('text/plain').send('The request body could not be read.\n');
    return;
  }
  const commands = parsePushCommands(body.head);
  let pack: PackContents | undefined;
  const readBodyPack = (): PackContents | undefined => {
    if (!commands || !body.complete) return undefined;
    pack ??= readPack(body.head.subarray(commands.packOffset));
    return pack;
  };
  const verdict: PushVerdict = commands
    ? checkProtectedBranches(
        options.project,
        options.accessLevel,
        commands.updates,
        ({ oldOid, newOid }) => {
          const contents = readBodyPack();
          return contents !== undefined && provesFastForward(contents, oldOid, newOid);
        },
      )
    : { verdict: 'ask-hook' };
  const refs = commands?.updates.map((update) => update.ref);

  if (verdict.verdict === 'refused' && commands) {
    options.log.info({ event: 'git_push_declined', refs }, verdict.message);
    // Read the rest of a large push so the client gets the answer, not a broken pipe.
    for await (const chunk of body.replay()) void chunk;
    return sendAnswer(res, commands, {
      report: [
        'unpack ok',
        ...commands.updates.map((update) => `ng ${update.ref} pre-receive hook declined`),
      ],
      messages: [`GitLab: ${verdict.message}`],
    });
  }

  const contents = verdict.verdict === 'allowed' ? readBodyPack() : undefined;
  if (commands && contents) {
    const answer = receiveInProcess(options.gitDir, commands, contents);
    if (answer) {
      options.log.info({ event: 'git_push', refs, via: 'in-process' }, answer.report.join('; '));
      return sendAnswer(res, commands, answer);
    }
  }
  options.log.info({ event: 'git_push', refs, via: 'git', verdict: verdict.verdict }, 'git push');
  await runGitService(res, {
    service: 'git-receive-pack',
    gitDir: options.gitDir,
    env: options.env,
    config: verdict.verdict === 'allowed' ? [...RECEIVE_CONFIG, NO_HOOKS] : RECEIVE_CONFIG,
    advertise: false,
    input: body.replay(),
    log: options.log,
  });
}
