import { timingSafeEqual } from 'node:crypto';
import type {
  DeployToken,
  PersonalAccessToken,
  Project,
  User,
  UsersFile,
} from './users-file.schema';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Read-only view over the users file: users, their tokens, projects and memberships. */
export class Directory {
  readonly #file: UsersFile;

  constructor(file: UsersFile) {
    this.#file = file;
  }

  get projects(): readonly Project[] {
    return this.#file.projects;
  }

  userById(id: string | number): User | undefined {
    return this.#file.users.find((user) => String(user.id) === String(id));
  }

  /** GitLab's sign-in is case-insensitive on the username. */
  userByUsername(username: string): User | undefined {
    const wanted = username.toLowerCase();
    return this.#file.users.find((user) => user.username.toLowerCase() === wanted);
  }

  /** By username or email, like GitLab's sign-in form. */
  userByLogin(login: string): User | undefined {
    const wanted = login.trim().toLowerCase();
    return (
      this.userByUsername(wanted) ??
      this.#file.users.find((user) => user.email.toLowerCase() === wanted)
    );
  }

  /** The user when the password matches, otherwise undefined (same answer for unknown users). */
  authenticate(login: string, password: string): User | undefined {
    const user = this.userByLogin(login);
    // Compare even for unknown users so the answer takes about as long either way.
    const ok = sameSecret(user?.password ?? '\0', password);
    return user && ok ? user : undefined;
  }

  personalAccessToken(token: string): { user: User; pat: PersonalAccessToken } | undefined {
    for (const user of this.#file.users) {
      const pat = user.personal_access_tokens.find((candidate) =>
        sameSecret(candidate.token, token),
      );
      if (pat) return { user, pat };
    }
    return undefined;
  }

  deployToken(token: string): DeployToken | undefined {
    return this.#file.deploy_tokens.find((candidate) => sameSecret(candidate.token, token));
  }

  /** By numeric id or by `path_with_namespace` (already URL-decoded), like GitLab's `:id`. */
  project(idOrPath: string): Project | undefined {
    if (/^\d+$/.test(idOrPath))
      return this.#file.projects.find((project) => String(project.id) === idOrPath);
    const wanted = idOrPath.toLowerCase();
    return this.#file.projects.find(
      (project) => project.path_with_namespace.toLowerCase() === wanted,
    );
  }

  /** The member's access level, or 0 for a non-member. */
  accessLevel(project: Project, user: User): number {
    return project.members.find((member) => member.username === user.username)?.access_level ?? 0;
  }
}
