import { avatarUrl } from '../users/avatar';
import type { Project, User } from '../users/users-file.schema';

/** Fixed timestamps: the local GitLab keeps no dates for users and projects, but clients expect these fields. */
const CREATED_AT = '2024-01-01T00:00:00.000Z';

const ACCESS_LEVEL_DESCRIPTIONS: Record<number, string> = {
  0: 'No one',
  30: 'Developers + Maintainers',
  40: 'Maintainers',
  60: 'Admins',
};

/** `GET /api/v4/user` as GitLab answers it (the fields a client may read). */
export function userJson(user: User, baseUrl: string) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: 'active',
    locked: false,
    avatar_url: avatarUrl(user, baseUrl),
    web_url: `${baseUrl}/${user.username}`,
    created_at: CREATED_AT,
    bio: '',
    location: '',
    public_email: null,
    email: user.email,
    commit_email: user.email,
    last_sign_in_at: null,
    confirmed_at: CREATED_AT,
    two_factor_enabled: false,
    external: false,
    private_profile: false,
    is_admin: false,
    bot: false,
  };
}

function namespaceJson(project: Project, baseUrl: string) {
  const fullPath = project.path_with_namespace.split('/').slice(0, -1).join('/');
  const name = fullPath.split('/').at(-1) ?? fullPath;
  return {
    id: project.id,
    name,
    path: name,
    kind: 'group',
    full_path: fullPath,
    parent_id: null,
    avatar_url: null,
    web_url: `${baseUrl}/groups/${fullPath}`,
  };
}

/** `GET /api/v4/projects/:id`, with the caller's `permissions` like GitLab adds for a single project. */
export function projectJson(project: Project, baseUrl: string, accessLevel: number) {
  const path = project.path_with_namespace.split('/').at(-1) ?? project.path_with_namespace;
  const namespace = namespaceJson(project, baseUrl);
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${namespace.full_path.split('/').join(' / ')} / ${project.name}`,
    path,
    path_with_namespace: project.path_with_namespace,
    created_at: CREATED_AT,
    default_branch: project.default_branch,
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${new URL(baseUrl).hostname}:${project.path_with_namespace}.git`,
    http_url_to_repo: `${baseUrl}/${project.path_with_namespace}.git`,
    web_url: `${baseUrl}/${project.path_with_namespace}`,
    readme_url: null,
    avatar_url: null,
    forks_count: 0,
    star_count: 0,
    last_activity_at: CREATED_AT,
    namespace,
    visibility: project.visibility,
    archived: false,
    empty_repo: false,
    permissions: {
      project_access: accessLevel > 0 ? { access_level: accessLevel, notification_level: 3 } : null,
      group_access: null,
    },
  };
}

/** `GET /api/v4/projects/:id/protected_branches/:name`. */
export function protectedBranchJson(project: Project, index: number) {
  const branch = project.protected_branches[index];
  if (!branch) throw new Error(`no protected branch ${index}`);
  const level = (id: number, accessLevel: number) => ({
    id,
    access_level: accessLevel,
    access_level_description: ACCESS_LEVEL_DESCRIPTIONS[accessLevel] ?? String(accessLevel),
    deploy_key_id: null,
    user_id: null,
    group_id: null,
  });
  const id = project.id * 100 + index + 1;
  return {
    id,
    name: branch.name,
    push_access_levels: [level(id * 10 + 1, branch.push_access_level)],
    merge_access_levels: [level(id * 10 + 2, branch.merge_access_level)],
    unprotect_access_levels: [],
    allow_force_push: false,
    code_owner_approval_required: false,
  };
}
