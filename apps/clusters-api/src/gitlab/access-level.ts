/** GitLab's access levels (`permissions.*.access_level`, `push_access_levels[].access_level`). */
export const AccessLevel = {
  NONE: 0,
  GUEST: 10,
  REPORTER: 20,
  DEVELOPER: 30,
  MAINTAINER: 40,
  OWNER: 50,
} as const;

export function accessLevelName(level: number): string {
  if (level >= AccessLevel.OWNER) return 'Owner';
  if (level >= AccessLevel.MAINTAINER) return 'Maintainer';
  if (level >= AccessLevel.DEVELOPER) return 'Developer';
  if (level >= AccessLevel.REPORTER) return 'Reporter';
  if (level >= AccessLevel.GUEST) return 'Guest';
  return 'no role';
}
