/**
 * Turns git's output into what the API must answer. git is run with LC_ALL=C, so its
 * messages are stable; `push --porcelain` gives one status line per ref on stdout.
 */
import type { GitCommandError } from './git-runner';

export type RemoteFailure =
  /** Someone else pushed first (or held the ref lock): fetch, rebase, try again. */
  'retry' | 'unauthenticated' | 'forbidden' | 'unavailable' | 'other';

const NETWORK =
  /could not resolve host|failed to connect|connection refused|connection reset|connection timed out|operation timed out|timed out after|empty reply from server|the remote end hung up|early eof|returned error: 5\d\d|recv failure|send failure|couldn't connect|operation too slow/i;

export function classifyRemoteFailure(error: GitCommandError): RemoteFailure {
  if (error.exitCode === 'timeout') return 'unavailable';
  const stdout = error.stdout;
  const stderr = error.stderr;
  const rejected =
    /^!\s.*\[(remote )?rejected\]\s*\(([^)]*)\)/m.exec(stdout) ??
    /!\s*\[(remote )?rejected\].*\(([^)]*)\)/.exec(stderr);
  if (rejected) {
    const remote = rejected[1] !== undefined;
    const reason = rejected[2] ?? '';
    if (!remote) return 'retry'; // fetch first / non-fast-forward
    if (
      /lock|failed to update ref|incorrect old value|stale info|reference already exists/i.test(
        reason,
      )
    )
      return 'retry';
    return 'forbidden';
  }
  if (
    /returned error: 401|authentication failed|could not read (username|password)|terminal prompts disabled/i.test(
      stderr,
    )
  ) {
    return 'unauthenticated';
  }
  if (
    /returned error: 40[34]|permission denied|not allowed to push|access denied|protected branch/i.test(
      stderr,
    )
  ) {
    return 'forbidden';
  }
  if (NETWORK.test(stderr)) return 'unavailable';
  return 'other';
}
