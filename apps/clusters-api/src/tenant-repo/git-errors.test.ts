import { describe, expect, it } from 'vitest';
import { classifyRemoteFailure } from './git-errors';
import { GitCommandError, redactSecrets } from './git-runner';

const failure = (stdout: string, stderr: string, code: number | string = 1) =>
  classifyRemoteFailure(new GitCommandError('push', code, stdout, stderr));

describe('classifyRemoteFailure', () => {
  it('when the push lost a race, then it is retried', () => {
    expect(
      failure(
        'To x\n!\tHEAD:refs/heads/main\t[rejected] (fetch first)\nDone\n',
        'error: failed to push some refs',
      ),
    ).toBe('retry');
    expect(failure('!\tHEAD:refs/heads/main\t[rejected] (non-fast-forward)\n', '')).toBe('retry');
    expect(failure('!\tHEAD:refs/heads/main\t[remote rejected] (failed to update ref)\n', '')).toBe(
      'retry',
    );
  });

  it('when the server refused the push, then it is forbidden', () => {
    expect(
      failure(
        '!\tHEAD:refs/heads/main\t[remote rejected] (pre-receive hook declined)\n',
        'remote: GitLab: You are not allowed to push code to protected branches on this project.',
      ),
    ).toBe('forbidden');
    expect(
      failure('', "fatal: unable to access 'http://x/': The requested URL returned error: 403"),
    ).toBe('forbidden');
  });

  it('when the token was not accepted, then it is unauthenticated', () => {
    expect(
      failure('', "fatal: could not read Username for 'http://x': terminal prompts disabled"),
    ).toBe('unauthenticated');
    expect(failure('', "fatal: Authentication failed for 'http://x/'")).toBe('unauthenticated');
  });

  it('when the server cannot be reached, then it is unavailable', () => {
    expect(
      failure(
        '',
        "fatal: unable to access 'http://127.0.0.1:1/': Failed to connect to 127.0.0.1 port 1: Connection refused",
      ),
    ).toBe('unavailable');
    expect(
      failure('', "fatal: unable to access 'http://x/': The requested URL returned error: 502"),
    ).toBe('unavailable');
    expect(failure('', '', 'timeout')).toBe('unavailable');
  });

  it('when the server stalls past the low-speed limit, then it is unavailable', () => {
    expect(
      failure(
        '',
        "fatal: unable to access 'http://x/': Operation too slow. Less than 1 bytes/sec transferred the last 4 seconds",
      ),
    ).toBe('unavailable');
  });
});

describe('redactSecrets', () => {
  it('when git output holds credentials, then they are masked', () => {
    expect(redactSecrets('fatal: http://oauth2:glpat-abc@host/x')).toBe('fatal: http://***@host/x');
    expect(redactSecrets('Authorization: Basic b2F1dGgyOnNlY3JldA==')).toBe(
      'Authorization: Basic ***',
    );
    expect(redactSecrets('token glpat-local-maintainer')).toBe('token glpat-***');
  });
});
