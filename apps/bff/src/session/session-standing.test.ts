import { describe, expect, it } from 'vitest';
import { sessionStanding } from './session-standing';

const rules = { absoluteTimeoutSeconds: 3600, refreshSkewSeconds: 60 };
const NOW = 10_000_000;
const user = { username: 'maintainer', name: 'M', email: 'm@example.test', avatar_url: null };
const signedIn = (tokens: { accessToken: string; expiresAt?: number }, authenticatedAt = NOW) => ({
  user,
  tokens,
  authenticatedAt,
});

describe('sessionStanding', () => {
  it('when there is no session, no user or no access token, then it is signed out', () => {
    expect(sessionStanding(undefined, rules, NOW)).toBe('signed-out');
    expect(sessionStanding(null, rules, NOW)).toBe('signed-out');
    expect(sessionStanding({ tokens: { accessToken: 't' } }, rules, NOW)).toBe('signed-out');
    expect(sessionStanding({ user }, rules, NOW)).toBe('signed-out');
    expect(sessionStanding(signedIn({ accessToken: '' }), rules, NOW)).toBe('signed-out');
  });

  it('when the absolute lifetime has passed, then it is expired, whatever the token says', () => {
    const old = NOW - 3600 * 1000 - 1;
    expect(sessionStanding(signedIn({ accessToken: 't' }, old), rules, NOW)).toBe('expired');
    expect(sessionStanding(signedIn({ accessToken: 't', expiresAt: NOW }, old), rules, NOW)).toBe(
      'expired',
    );
    expect(
      sessionStanding({ user, tokens: { accessToken: 't' } }, rules, NOW),
      'a session without a sign-in time is past any lifetime',
    ).toBe('expired');
  });

  it('when the token expires within the skew, then it needs a refresh; outside it, it is good', () => {
    const at = (expiresAt: number) => signedIn({ accessToken: 't', expiresAt });
    expect(sessionStanding(at(NOW + 60 * 1000), rules, NOW)).toBe('needs-refresh');
    expect(sessionStanding(at(NOW - 1), rules, NOW)).toBe('needs-refresh');
    expect(sessionStanding(at(NOW + 60 * 1000 + 1), rules, NOW)).toBe('good');
    expect(sessionStanding(signedIn({ accessToken: 't' }), rules, NOW)).toBe('good');
  });
});
