import { describe, expect, it } from 'vitest';
import { sessionCookieValue, unambiguousCookieHeader } from './session-cookie';

const NAME = '__Host-cluster_console_session.console';

describe('the session cookie in a Cookie header', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['theme=dark', undefined],
    [`${NAME}=s%3Aid.sig`, 's:id.sig'],
    [`theme=dark; ${NAME}=s%3Aid.sig; lang=en`, 's:id.sig'],
    // Another name that contains ours is not ours.
    [`x${NAME}=planted; ${NAME}=s%3Aid.sig`, 's:id.sig'],
    [`__Secure-cluster_console_session=planted; ${NAME}=s%3Aid.sig`, 's:id.sig'],
    // Twice: neither is read, whichever comes first.
    [`${NAME}=s%3Aplanted.sig; ${NAME}=s%3Aid.sig`, undefined],
    [`${NAME}=s%3Aid.sig;${NAME}=s%3Aplanted.sig`, undefined],
    [`${NAME}=; ${NAME}=s%3Aid.sig`, undefined],
  ])('when the header is %j, then the session cookie read is %j', (header, value) => {
    expect(sessionCookieValue(header, NAME)).toBe(value);
  });

  it('when the session cookie comes twice, then express-session is shown the header without it, other cookies kept', () => {
    expect(unambiguousCookieHeader(`a=1; ${NAME}=x; b=2; ${NAME}=y`, NAME)).toBe('a=1; b=2');
    const once = `a=1; ${NAME}=x`;
    expect(unambiguousCookieHeader(once, NAME)).toBe(once);
  });
});
