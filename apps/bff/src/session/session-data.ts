import type { SessionUser } from '@cluster-console/shared';
import { z } from 'zod';

/** What `/auth/session` shows about the signed-in user (from GitLab's userinfo). */
export type { SessionUser };

/** GitLab's tokens; they stay in the server-side session and never reach the browser. */
export const TokenSetSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  idToken: z.string().optional(),
  /** Epoch milliseconds; absent when GitLab did not say (then the token is used until rejected). */
  expiresAt: z.number().optional(),
});
export type TokenSet = z.infer<typeof TokenSetSchema>;

/** One authorization request in progress (a user may start sign-in in two tabs). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: number;
}

declare module 'express-session' {
  interface SessionData {
    pendingLogins: PendingLogin[];
    tokens: TokenSet;
    user: SessionUser;
    /** Epoch milliseconds of the sign-in: the absolute lifetime counts from here. */
    authenticatedAt: number;
  }
}
