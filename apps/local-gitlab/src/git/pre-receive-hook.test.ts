import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../../tests/helpers/git-cli';
import { ProjectSchema } from '../users/users-file.schema';
import { PROTECTED_BRANCH_MESSAGES } from './pre-receive-hook';
import { ensureRepository } from './repositories';

// The hook on its own, through a local push: git hands the pusher's environment to the hook
// just as `git http-backend` does with the variables the server sets.
let dir: string;
let clone: string;
let bare: string;
const project = ProjectSchema.parse({
  id: 9,
  path_with_namespace: 'team/hooked',
  name: 'hooked',
  protected_branches: [
    { name: 'main', push_access_level: 30 },
    { name: 'release/*', push_access_level: 40 },
  ],
  initial_files: { 'README.md': '# hooked\n' },
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'local-gitlab-hook-'));
  bare = await ensureRepository(dir, project);
  clone = path.join(dir, 'clone');
  expect((await git(['clone', bare, clone], dir)).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const as = (level: number) => ({
  GL_ID: 'user-1',
  GL_USER_ACCESS_LEVEL: String(level),
  GL_PROTECTED_BRANCHES: 'main:30,release/*:40',
});

async function commit(name: string) {
  await writeFile(path.join(clone, name), `${name}\n`);
  await git(['add', name], clone);
  await git(['commit', '-m', name], clone);
}

describe('the pre-receive hook', () => {
  it('when a wildcard-protected branch is pushed below its level, then it is refused with GitLab message', async () => {
    await commit('a.txt');
    const refused = await git(['push', 'origin', 'HEAD:refs/heads/release/1'], clone, as(30));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`GitLab: ${PROTECTED_BRANCH_MESSAGES.push}`);
    const allowed = await git(['push', 'origin', 'HEAD:refs/heads/release/1'], clone, as(40));
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('when main is pushed at its level, then it lands; deleting it is refused', async () => {
    const pushed = await git(['push', 'origin', 'HEAD:main'], clone, as(30));
    expect(pushed.code, pushed.stderr).toBe(0);
    const deleted = await git(['push', 'origin', ':main'], clone, as(40));
    expect(deleted.code).not.toBe(0);
    expect(deleted.stderr).toContain(PROTECTED_BRANCH_MESSAGES.delete);
  });

  it('when the push does not come through the server (no GL_ID), then the hook lets it pass', async () => {
    await commit('b.txt');
    const pushed = await git(['push', 'origin', 'HEAD:refs/heads/release/2'], clone);
    expect(pushed.code, pushed.stderr).toBe(0);
  });

  it('when the repository exists already, then ensureRepository keeps its history', async () => {
    const before = await git(['rev-parse', 'main'], bare);
    await ensureRepository(dir, project);
    const after = await git(['rev-parse', 'main'], bare);
    expect(after.stdout).toBe(before.stdout);
    expect((await git(['log', '--oneline', 'main'], bare)).stdout.split('\n')).toHaveLength(2);
  });
});
