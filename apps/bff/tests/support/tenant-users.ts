import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface UsersFile {
  users: Record<string, unknown>[];
  projects: { visibility?: string; members: { username: string; access_level: number }[] }[];
}

export interface TenantUsersOptions {
  /** The tenant project's visibility (the default users file has it private). */
  visibility?: 'private' | 'internal' | 'public';
  /** Users to add, with their level on the tenant project (0: signed-in user, not a member). */
  extra?: Record<string, number>;
}

/**
 * The local GitLab's default users file with extra users (password = user name) and members,
 * and the tenant project's visibility set, written into `dir`; returns its path (`USERS_FILE`).
 */
export function writeTenantUsersFile(dir: string, options: TenantUsersOptions = {}): string {
  const source = path.resolve(import.meta.dirname, '../../../local-gitlab/users.json');
  const file = JSON.parse(readFileSync(source, 'utf8')) as UsersFile;
  const tenant = file.projects[0];
  if (!tenant) throw new Error('the users file has no tenant project');
  if (options.visibility) tenant.visibility = options.visibility;
  let id = 100;
  for (const [username, level] of Object.entries(options.extra ?? {})) {
    id += 1;
    file.users.push({
      id,
      username,
      password: username,
      name: `Local ${username}`,
      email: `${username}@local-gitlab.test`,
      avatar_url: null,
      personal_access_tokens: [],
    });
    if (level > 0) tenant.members.push({ username, access_level: level });
  }
  const target = path.join(dir, 'users.json');
  writeFileSync(target, JSON.stringify(file));
  return target;
}
