/**
 * Who may read the tenant's clusters, decided once: the clusters API's list and get, and the
 * BFF's routes that show the same data another way (a cluster's history, recently deleted
 * clusters, live status) all ask this module, so that no route lets through someone the list
 * refuses. The level is the caller's on the tenant project, as GitLab reports it.
 */
import { z } from 'zod';

/** GitLab's access levels (`permissions.*.access_level`, `push_access_levels[].access_level`). */
export const AccessLevel = {
  NONE: 0,
  GUEST: 10,
  REPORTER: 20,
  DEVELOPER: 30,
  MAINTAINER: 40,
  OWNER: 50,
} as const;

/** The lowest level that reads clusters: Reporter, GitLab's "may read the code". */
export const CLUSTER_READER_LEVEL = AccessLevel.REPORTER;

export function accessLevelName(level: number): string {
  if (level >= AccessLevel.OWNER) return 'Owner';
  if (level >= AccessLevel.MAINTAINER) return 'Maintainer';
  if (level >= AccessLevel.DEVELOPER) return 'Developer';
  if (level >= AccessLevel.REPORTER) return 'Reporter';
  if (level >= AccessLevel.GUEST) return 'Guest';
  return 'no role';
}

const AccessSchema = z.object({ access_level: z.number() }).nullish();

/** `permissions` of GitLab's `GET /api/v4/projects/:id`, as seen with the caller's token. */
export const GitLabProjectPermissionsSchema = z
  .object({ project_access: AccessSchema, group_access: AccessSchema })
  .nullish();
export type GitLabProjectPermissions = z.infer<typeof GitLabProjectPermissionsSchema>;

/**
 * The caller's level from GitLab's `GET /projects/:id` answer: the higher of the project's own
 * membership and the group's (GitLab reports both; either may be null). A project that is
 * visible because it is public or internal gives a non-member level 0, never a role.
 */
export function tenantAccessLevel(permissions: GitLabProjectPermissions): number {
  return Math.max(
    permissions?.project_access?.access_level ?? AccessLevel.NONE,
    permissions?.group_access?.access_level ?? AccessLevel.NONE,
  );
}

/** Whether a member with this level on the tenant project may read clusters. */
export function mayReadClusters(level: number): boolean {
  return level >= CLUSTER_READER_LEVEL;
}

/** Not a member at all: the first thing every refusal says. */
export function notMemberMessage(username: string, project: string): string {
  return `You (${username}) are not a member of the tenant configuration repository ${project}. Ask one of its maintainers for access.`;
}

/**
 * Undefined when the caller may read clusters; otherwise the refusal's words (answered as 403
 * NO_AUTHORIZATION), the same from the clusters API and from the console's own routes.
 */
export function clusterReadRefusal(
  caller: { username: string; accessLevel: number },
  project: string,
): string | undefined {
  if (mayReadClusters(caller.accessLevel)) return undefined;
  if (caller.accessLevel <= AccessLevel.NONE) return notMemberMessage(caller.username, project);
  return `Reading clusters needs at least the ${accessLevelName(CLUSTER_READER_LEVEL)} role on ${project}; you (${caller.username}) are ${accessLevelName(caller.accessLevel)}.`;
}
