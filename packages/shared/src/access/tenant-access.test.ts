import { describe, expect, it } from 'vitest';
import {
  AccessLevel,
  accessLevelName,
  clusterReadRefusal,
  mayReadClusters,
  tenantAccessLevel,
} from './tenant-access';

describe('mayReadClusters', () => {
  it.each([
    [AccessLevel.NONE, false],
    [AccessLevel.GUEST, false],
    [15, false],
    [AccessLevel.REPORTER, true],
    [AccessLevel.DEVELOPER, true],
    [AccessLevel.MAINTAINER, true],
    [AccessLevel.OWNER, true],
  ])('when the level is %i, then reading is %s', (level, allowed) => {
    expect(mayReadClusters(level)).toBe(allowed);
  });
});

describe('clusterReadRefusal', () => {
  const project = 'nautes/tenant-config';

  it('when the caller is not a member, then it says so and whom to ask', () => {
    expect(clusterReadRefusal({ username: 'outsider', accessLevel: 0 }, project)).toBe(
      'You (outsider) are not a member of the tenant configuration repository nautes/tenant-config. Ask one of its maintainers for access.',
    );
  });

  it('when the caller is a Guest, then it names the role needed and the role held', () => {
    expect(clusterReadRefusal({ username: 'guest', accessLevel: 10 }, project)).toBe(
      'Reading clusters needs at least the Reporter role on nautes/tenant-config; you (guest) are Guest.',
    );
  });

  it('when the caller is a Reporter or more, then there is no refusal', () => {
    for (const level of [20, 30, 40, 50]) {
      expect(clusterReadRefusal({ username: 'u', accessLevel: level }, project)).toBeUndefined();
    }
  });
});

describe('tenantAccessLevel', () => {
  it.each([
    [undefined, 0],
    [null, 0],
    [{ project_access: null, group_access: null }, 0],
    [{ project_access: { access_level: 10 }, group_access: null }, 10],
    [{ project_access: null, group_access: { access_level: 30 } }, 30],
    [{ project_access: { access_level: 40 }, group_access: { access_level: 20 } }, 40],
  ])('when GitLab reports %j, then the level is %i', (permissions, level) => {
    expect(tenantAccessLevel(permissions)).toBe(level);
  });
});

describe('accessLevelName', () => {
  it.each([
    [0, 'no role'],
    [10, 'Guest'],
    [20, 'Reporter'],
    [30, 'Developer'],
    [40, 'Maintainer'],
    [50, 'Owner'],
  ])('when the level is %i, then it is called %s', (level, name) => {
    expect(accessLevelName(level)).toBe(name);
  });
});
