import { avatarUrl } from '../users/avatar';
import type { User } from '../users/users-file.schema';

/** The claims GitLab's `/oauth/userinfo` and ID token carry (filtered by scope by the provider). */
export function accountClaims(user: User, baseUrl: string) {
  return {
    sub: String(user.id),
    name: user.name,
    nickname: user.username,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    profile: `${baseUrl}/${user.username}`,
    picture: avatarUrl(user, baseUrl),
  };
}
