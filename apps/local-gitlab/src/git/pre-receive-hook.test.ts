import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../../tests/helpers/git-cli';
import { ProjectSchema } from '../users/users-file.schema';
import { PROTECTED_BRANCH_MESSAGES } from './pre-receive-hook';
import { ensureRepository } from './repositories';

// The hook on its own, through a local push: git hands the pusher's environment to the hook
// just as it does with the variables the server sets (protected-branches.ts decides them).
let dir: string;
let clone: string;
let bare: string;
const project = ProjectSchema.parse({
  id: 9,
  path_with_namespace: 'team/hooked',
  name: 'hooked',
  protected_branches: [{ name: 'main', push_access_level: 30 }],
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

const FAST_FORWARD_MAIN = { GL_FAST_FORWARD_ONLY: 'refs/heads/main' };

async function commit(name: string) {
  await writeFile(path.join(clone, name), `${name}\n`);
  await git(['add', name], clone);
  await git(['commit', '-m', name], clone);
}
const head = async (repo: string, rev: string) => (await git(['rev-parse', rev], repo)).stdout;

describe('the pre-receive hook', () => {
  it('when the server hands it a refusal, then the push is declined with those words and nothing moves', async () => {
    await commit('a.txt');
    const before = await head(bare, 'main');
    const refusal = `GitLab: ${PROTECTED_BRANCH_MESSAGES.push}\nGitLab: ${PROTECTED_BRANCH_MESSAGES.delete}`;
    const refused = await git(['push', 'origin', 'HEAD:main'], clone, { GL_REFUSAL: refusal });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('pre-receive hook declined');
    expect(refused.stderr).toContain(`remote: GitLab: ${PROTECTED_BRANCH_MESSAGES.push}`);
    expect(refused.stderr).toContain(`remote: GitLab: ${PROTECTED_BRANCH_MESSAGES.delete}`);
    expect(await head(bare, 'main')).toBe(before);
  });

  it('when a fast-forward-only branch moves forward, then it lands; rewritten, it is declined as a force push', async () => {
    const pushed = await git(['push', 'origin', 'HEAD:main'], clone, FAST_FORWARD_MAIN);
    expect(pushed.code, pushed.stderr).toBe(0);
    const landed = await head(bare, 'main');
    await git(['commit', '--amend', '-m', 'a.txt rewritten'], clone);
    const forced = await git(['push', '--force', 'origin', 'HEAD:main'], clone, FAST_FORWARD_MAIN);
    expect(forced.code).not.toBe(0);
    expect(forced.stderr).toContain(`GitLab: ${PROTECTED_BRANCH_MESSAGES.forcePush}`);
    expect(await head(bare, 'main')).toBe(landed);
  });

  it('when a branch that is not listed is rewritten, then the hook lets it pass', async () => {
    expect((await git(['push', 'origin', 'HEAD:refs/heads/release/1'], clone)).code).toBe(0);
    await git(['commit', '--amend', '-m', 'a.txt rewritten again'], clone);
    const forced = await git(
      ['push', '--force', 'origin', 'HEAD:refs/heads/release/1'],
      clone,
      FAST_FORWARD_MAIN,
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(await head(bare, 'release/1')).toBe(await head(clone, 'HEAD'));
  });

  it('when the push does not come through the server (nothing handed over), then the hook lets it pass', async () => {
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
