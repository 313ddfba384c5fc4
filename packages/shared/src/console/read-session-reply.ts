import { jsonObject } from '../api/json-object';
import type { SessionReply } from './session.schema';

/**
 * Reads `GET /auth/session`'s answer as SessionReplySchema does (read-session-reply.test.ts
 * holds the two together), without zod: every page asks for the session first, and zod would
 * add the shared schemas' chunk (~26 KiB gzipped) to every page's first download. Undefined
 * when the answer names no user.
 */
export function readSessionReply(value: unknown): SessionReply | undefined {
  const user = jsonObject(jsonObject(value)?.user);
  if (user === undefined || typeof user.username !== 'string') return undefined;
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  return {
    user: {
      username: user.username,
      name: text(user.name),
      email: text(user.email),
      avatar_url: text(user.avatar_url) || null,
    },
  };
}
