/** `GET /auth/session` (AUTH_SESSION_PATH): who is signed in, never a token; 401 when nobody is. */
import { z } from 'zod';

/** The signed-in user, from GitLab's userinfo. */
export const SessionUserSchema = z.object({
  username: z.string(),
  name: z.string().catch(''),
  email: z.string().catch(''),
  /** Null when GitLab has no picture for the user (an empty text reads as none too). */
  avatar_url: z
    .string()
    .nullish()
    .catch(null)
    .transform((url) => url || null),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionReplySchema = z.object({ user: SessionUserSchema });
export type SessionReply = z.infer<typeof SessionReplySchema>;
