import { sign } from 'cookie-signature';
import { describe, expect, it } from 'vitest';
import { SessionIdReader, signedSessionId } from './session-id';

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

  it('when the cookie appears twice, then neither counts, as for express-session (one may be planted: see session-cookie.ts)', () => {
    const header = `${cookieOf('first', NEW_SECRET)}; ${NAME}=${encodeURIComponent(`s:${sign('second', NEW_SECRET)}`)}`;
    expect(signedSessionId(header, NAME, [NEW_SECRET])).toBeUndefined();
    expect(new SessionIdReader(NAME, [NEW_SECRET], 10).read(header)).toBeUndefined();
  });
});

describe('SessionIdReader', () => {
  it('when read twice, then the remembered signature gives the same answers as the full check', () => {
    const reader = new SessionIdReader(NAME, [NEW_SECRET, OLD_SECRET], 10);
    for (let pass = 0; pass < 2; pass += 1) {
      expect(reader.read(cookieOf('abc', NEW_SECRET))).toBe('abc');
      expect(reader.read(cookieOf('old', OLD_SECRET))).toBe('old');
      expect(reader.read(cookieOf('abc', 'x'.repeat(32)))).toBeUndefined();
      expect(reader.read(`${NAME}=${sign('abc', NEW_SECRET)}`)).toBeUndefined();
      expect(reader.read('other=1')).toBeUndefined();
      expect(reader.read(undefined)).toBeUndefined();
    }
    expect(reader.size).toBe(2);
  });

  it('when an id it remembers comes with another signature, then that cookie is refused', () => {
    const reader = new SessionIdReader(NAME, [NEW_SECRET], 10);
    const good = cookieOf('abc', NEW_SECRET);
    expect(reader.read(good)).toBe('abc');
    const signature = sign('abc', NEW_SECRET).slice('abc.'.length);
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(reader.read(`${NAME}=${encodeURIComponent(`s:abc.${flipped}`)}`)).toBeUndefined();
    expect(reader.read(`${NAME}=${encodeURIComponent(`s:abc.${signature}x`)}`)).toBeUndefined();
    expect(reader.read(`${NAME}=${encodeURIComponent('s:abc.')}`)).toBeUndefined();
    expect(reader.read(good)).toBe('abc');
  });

  it('when forged cookies come, then nothing is remembered; when more ids than the bound come, then the oldest goes and is checked in full again', () => {
    const reader = new SessionIdReader(NAME, [NEW_SECRET], 2);
    for (let index = 0; index < 50; index += 1) {
      reader.read(cookieOf(`forged-${index}`, 'x'.repeat(32)));
    }
    expect(reader.size).toBe(0);
    for (const id of ['one', 'two', 'three'])
      expect(reader.read(cookieOf(id, NEW_SECRET))).toBe(id);
    expect(reader.size).toBe(2);
    expect(reader.read(cookieOf('one', NEW_SECRET))).toBe('one');
    expect(reader.size).toBe(2);
  });
});
