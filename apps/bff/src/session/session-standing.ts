import type { SessionData } from 'express-session';
import type { SessionUser, TokenSet } from './session-data';

/** The settings a session's standing depends on (config: session and token refresh). */
export interface SessionRules {
  /** The session's absolute lifetime, counted from sign-in. */
  absoluteTimeoutSeconds: number;
  /** An access token this close to its expiry is refreshed before use. */
  refreshSkewSeconds: number;
}

/**
 * `signed-out`: no user or no access token; `expired`: past its absolute lifetime (the session
 * is ended); `needs-refresh`: the access token expires within the skew (refreshed before use);
 * `good`: usable as it is.
 */
export type SessionStanding = 'signed-out' | 'expired' | 'needs-refresh' | 'good';

/** A session whose standing is `needs-refresh` or `good`: it has a user and tokens. */
export type SignedInSession = Partial<SessionData> & { tokens: TokenSet; user: SessionUser };

/**
 * The one decision on whether a stored session may be used, for every path that reads one: the
 * signed-in check of the full chain (auth/signed-in.middleware.ts), which acts on each answer,
 * and the API fast lane, which serves only `good` sessions and hands every other to the chain.
 */
export function sessionStanding(
  session: Partial<SessionData> | null | undefined,
  rules: SessionRules,
  now = Date.now(),
): SessionStanding {
  const tokens = session?.tokens;
  if (!tokens?.accessToken || !session?.user) return 'signed-out';
  if (now - (session.authenticatedAt ?? 0) > rules.absoluteTimeoutSeconds * 1000) return 'expired';
  if (tokens.expiresAt !== undefined && tokens.expiresAt - rules.refreshSkewSeconds * 1000 <= now) {
    return 'needs-refresh';
  }
  return 'good';
}
