import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { Directory } from './directory';
import { loadUsersFile, UsersFileError } from './users-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'local-gitlab-users-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(content: unknown): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const user = (id: number, username: string, token: string) => ({
  id,
  username,
  password: username,
  name: username,
  email: `${username}@example.test`,
  personal_access_tokens: [{ name: 't', token, scopes: ['api'] }],
});

describe('the default users file', () => {
  it('when loaded, then it holds the four users, the tenant project and the deploy token of the conventions', async () => {
    const directory = new Directory(await loadUsersFile(loadConfig({}).usersFile));
    const project = directory.project('nautes/tenant-config');
    expect(project).toBeDefined();
    if (!project) return;
    expect(directory.project('1')).toBe(project);
    expect(project.protected_branches).toEqual([
      { name: 'main', push_access_level: 40, merge_access_level: 40 },
    ]);
    const levels = ['maintainer', 'developer', 'outsider', 'operator'].map((username) => {
      const found = directory.authenticate(username, username);
      expect(found, username).toBeDefined();
      expect(directory.personalAccessToken(`glpat-local-${username}`)?.user.username).toBe(
        username,
      );
      return found ? directory.accessLevel(project, found) : -1;
    });
    expect(levels).toEqual([40, 30, 0, 40]);
    expect(directory.deployToken('gldt-local-clusters-api')).toMatchObject({
      username: 'clusters-api',
      scopes: ['read_repository'],
      projects: ['nautes/tenant-config'],
    });
    expect(directory.authenticate('developer', 'maintainer')).toBeUndefined();
    expect(directory.authenticate('nobody', 'nobody')).toBeUndefined();
  });
});

describe('a replaced users file', () => {
  it('when it is valid, then its users are used and defaults are filled', async () => {
    const file = await fileWith({
      users: [user(7, 'alice', 'glpat-alice-token')],
      projects: [
        {
          id: 3,
          path_with_namespace: 'team/config',
          name: 'config',
          members: [{ username: 'alice', access_level: 50 }],
        },
      ],
    });
    const directory = new Directory(await loadUsersFile(file));
    const alice = directory.userByLogin('ALICE@example.test');
    expect(alice?.id).toBe(7);
    const project = directory.project('team%2Fconfig'.replace('%2F', '/'));
    expect(project?.default_branch).toBe('main');
    expect(project && alice && directory.accessLevel(project, alice)).toBe(50);
  });

  it.each([
    ['not JSON', '{ users: ', /not valid JSON/],
    ['missing', undefined, /cannot read users file/],
    ['without users', { users: [] }, /users/],
    [
      'with a bad email',
      { users: [{ ...user(1, 'a', 'glpat-aaaaaaaa'), email: 'nope' }] },
      /email/,
    ],
    [
      'with duplicate tokens',
      { users: [user(1, 'a', 'glpat-same-token'), user(2, 'b', 'glpat-same-token')] },
      /every token must be unique/,
    ],
    [
      'with a member who does not exist',
      {
        users: [user(1, 'a', 'glpat-aaaaaaaa')],
        projects: [
          {
            id: 1,
            path_with_namespace: 'g/p',
            name: 'p',
            members: [{ username: 'ghost', access_level: 30 }],
          },
        ],
      },
      /unknown user "ghost"/,
    ],
    [
      'with an impossible access level',
      {
        users: [user(1, 'a', 'glpat-aaaaaaaa')],
        projects: [
          {
            id: 1,
            path_with_namespace: 'g/p',
            name: 'p',
            members: [{ username: 'a', access_level: 35 }],
          },
        ],
      },
      /access_level must be one of/,
    ],
  ])('when it is %s, then loading fails with a clear message', async (_name, content, message) => {
    const file = content === undefined ? path.join(dir, 'missing.json') : await fileWith(content);
    const loading = loadUsersFile(file);
    await expect(loading).rejects.toThrow(UsersFileError);
    await expect(loadUsersFile(file)).rejects.toThrow(message);
  });
});
