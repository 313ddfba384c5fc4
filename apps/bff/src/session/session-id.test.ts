import { sign } from 'cookie-signature';
import { describe, expect, it } from 'vitest';
import { signedSessionId } from './session-id';

const NAME = 'cluster_console_session';
const NEW_SECRET = 'n'.repeat(32);
const OLD_SECRET = 'o'.repeat(32);

function cookieOf(id: string, secret: string): string {
  return `other=1; ${NAME}=${encodeURIComponent(`s:${sign(id, secret)}`)}`;
}

describe('signedSessionId', () => {
  it('when the cookie is signed with the current or an older secret, then its id is read', () => {
    expect(signedSessionId(cookieOf('abc', NEW_SECRET), NAME, [NEW_SECRET, OLD_SECRET])).toBe(
      'abc',
    );
    expect(signedSessionId(cookieOf('abc', OLD_SECRET), NAME, [NEW_SECRET, OLD_SECRET])).toBe(
      'abc',
    );
  });

  it('when the signature does not hold, the prefix is missing or there is no cookie, then no id', () => {
    expect(signedSessionId(cookieOf('abc', 'x'.repeat(32)), NAME, [NEW_SECRET])).toBeUndefined();
    expect(
      signedSessionId(`${NAME}=${sign('abc', NEW_SECRET)}`, NAME, [NEW_SECRET]),
    ).toBeUndefined();
    expect(
      signedSessionId(cookieOf('abc', NEW_SECRET).replace('abc', 'abd'), NAME, [NEW_SECRET]),
    ).toBeUndefined();
    expect(signedSessionId('other=1', NAME, [NEW_SECRET])).toBeUndefined();
    expect(signedSessionId(undefined, NAME, [NEW_SECRET])).toBeUndefined();
  });

  it('when the cookie appears twice, then the first one counts, as for express-session', () => {
    const header = `${cookieOf('first', NEW_SECRET)}; ${NAME}=${encodeURIComponent(`s:${sign('second', NEW_SECRET)}`)}`;
    expect(signedSessionId(header, NAME, [NEW_SECRET])).toBe('first');
  });
});
