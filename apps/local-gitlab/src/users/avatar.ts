import type { User } from './users-file.schema';

/** Path of the avatar the local GitLab draws itself for users without an `avatar_url`. */
export function localAvatarPath(userId: number): string {
  return `/uploads/-/system/user/avatar/${userId}/avatar.svg`;
}

export function avatarUrl(user: User, baseUrl: string): string {
  return user.avatar_url ?? `${baseUrl}${localAvatarPath(user.id)}`;
}
