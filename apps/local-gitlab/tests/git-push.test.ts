import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_BRANCH_MESSAGES } from '../src/git/pre-receive-hook';
import { git, withCredentials } from './helpers/git-cli';
import { startTestGitlab, type TestGitlab } from './helpers/local-gitlab';
import {
  commitAddingFile,
  rawObject,
  readAnswer,
  type RawObject,
  receivePackBody,
  ZERO_OID,
} from './helpers/raw-push';

// GitLab's protected-branch rules (the pre-receive hook) and git's own checks on receive (fsck,
// connectivity, the ref's old value), seen from the outside: raw receive-pack requests like the
// clusters API's, and git.
let gitlab: TestGitlab;
let work: string;
let bare: string;
let repoUrl: string;

beforeAll(async () => {
  gitlab = await startTestGitlab();
  work = await mkdtemp(path.join(tmpdir(), 'local-gitlab-push-'));
  bare = path.join(gitlab.dataDir, 'repositories', 'nautes', 'tenant-config.git');
  repoUrl = `${gitlab.url}/nautes/tenant-config.git`;
});
afterAll(async () => {
  await gitlab.stop();
  await rm(work, { recursive: true, force: true });
});

const inBare = (...args: string[]) =>
  execFileSync('git', ['-C', bare, ...args], { encoding: 'utf8' }).trim();
const main = () => inBare('rev-parse', 'refs/heads/main');

async function post(body: Buffer, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${repoUrl}/git-receive-pack`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`oauth2:${token}`).toString('base64')}`,
      'Content-Type': 'application/x-git-receive-pack-request',
      ...headers,
    },
    body,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/x-git-receive-pack-result');
  return readAnswer(Buffer.from(await response.arrayBuffer()));
}

const MAINTAINER = 'glpat-local-maintainer';
const DEVELOPER = 'glpat-local-developer';
const DECLINED = ['unpack ok', 'ng refs/heads/main pre-receive hook declined'];

/** One raw push of `next` (its commit and objects) onto main, claimed to be at `oldOid`. */
function pushToMain(
  oldOid: string,
  next: { commit: { oid: string }; objects: RawObject[] },
  token: string,
  options: { capabilities?: string; gzip?: boolean } = {},
) {
  const body = receivePackBody(
    { oldOid, newOid: next.commit.oid, ref: 'refs/heads/main' },
    next.objects,
    options.capabilities,
  );
  return options.gzip
    ? post(gzipSync(body), token, { 'Content-Encoding': 'gzip' })
    : post(body, token);
}

describe('a push to the protected main branch over a raw receive-pack request', () => {
  it('when the maintainer moves main forward, then it lands and the repository is sound', async () => {
    const parent = main();
    const next = commitAddingFile(bare, parent, 'raw-one.txt');
    const answer = await pushToMain(parent, next, MAINTAINER);
    expect(answer.report).toEqual(['unpack ok', 'ok refs/heads/main']);
    expect(main()).toBe(next.commit.oid);
    inBare('fsck', '--strict', '--no-progress');
    expect(inBare('show', 'main:raw-one.txt')).toBe('raw-one.txt');
  });

  it('when the body is gzip-compressed, then the push lands too', async () => {
    const parent = main();
    const next = commitAddingFile(bare, parent, 'raw-gzip.txt');
    const answer = await pushToMain(parent, next, MAINTAINER, { gzip: true });
    expect(answer.report).toEqual(['unpack ok', 'ok refs/heads/main']);
    expect(main()).toBe(next.commit.oid);
  });

  it('when main moved since the parent was read, then the ref update fails and main stays', async () => {
    const stale = main();
    const moved = commitAddingFile(bare, stale, 'raw-moved.txt');
    await pushToMain(stale, moved, MAINTAINER);
    const late = commitAddingFile(bare, stale, 'raw-late.txt');
    const answer = await pushToMain(stale, late, MAINTAINER);
    expect(answer.report).toEqual(['unpack ok', 'ng refs/heads/main failed to update ref']);
    expect(main()).toBe(moved.commit.oid);
  });

  it('when the developer pushes, then GitLab declines it with its message and main stays', async () => {
    const parent = main();
    const next = commitAddingFile(bare, parent, 'raw-developer.txt');
    const answer = await pushToMain(parent, next, DEVELOPER, {
      capabilities: 'report-status side-band-64k',
    });
    expect(answer.report).toEqual(DECLINED);
    expect(answer.messages).toEqual([`GitLab: ${PROTECTED_BRANCH_MESSAGES.push}`]);
    expect(main()).toBe(parent);
    expect(() => inBare('cat-file', '-e', next.commit.oid)).toThrow();
  });

  it('when the maintainer deletes main, then GitLab declines it', async () => {
    const parent = main();
    const answer = await post(
      receivePackBody(
        { oldOid: parent, newOid: ZERO_OID, ref: 'refs/heads/main' },
        [],
        'report-status side-band-64k delete-refs',
      ),
      MAINTAINER,
    );
    expect(answer.report).toEqual(DECLINED);
    expect(answer.messages).toEqual([`GitLab: ${PROTECTED_BRANCH_MESSAGES.delete}`]);
    expect(main()).toBe(parent);
  });

  it('when the maintainer rewrites main (the new commit does not descend from it), then GitLab declines it', async () => {
    const current = main();
    const grandparent = inBare('rev-parse', 'main~1');
    const rewrite = commitAddingFile(bare, grandparent, 'raw-rewrite.txt');
    const answer = await pushToMain(current, rewrite, MAINTAINER, {
      capabilities: 'report-status side-band-64k',
    });
    expect(answer.report).toEqual(DECLINED);
    expect(answer.messages).toContain(`GitLab: ${PROTECTED_BRANCH_MESSAGES.forcePush}`);
    expect(main()).toBe(current);
  });

  it('when an object the commit needs is neither sent nor in the repository, then fsck refuses the pack and main stays', async () => {
    const parent = main();
    const orphanTree = rawObject(
      'tree',
      Buffer.concat([Buffer.from('100644 ghost.txt\0'), Buffer.alloc(20, 7)]),
    );
    const who = 'Test Author <test@example.test> 1700000000 +0000';
    const commit = rawObject(
      'commit',
      `tree ${orphanTree.oid}\nparent ${parent}\nauthor ${who}\ncommitter ${who}\n\nghost\n`,
    );
    const answer = await pushToMain(parent, { commit, objects: [orphanTree, commit] }, MAINTAINER);
    // receive.fsckObjects: git's strict unpacking refuses the tree naming a missing blob
    // before any connectivity check (GitLab runs fsck on receive too).
    expect(answer.report.find((line) => line.startsWith('ng refs/heads/main'))).toMatch(
      /unpacker error/,
    );
    expect(main()).toBe(parent);
  });
  it('when a commit is malformed (an author without an email), then fsck refuses it and main stays', async () => {
    const parent = main();
    const tree = inBare('rev-parse', 'main^{tree}');
    const commit = rawObject(
      'commit',
      `tree ${tree}\nparent ${parent}\nauthor No Email 1700000000 +0000\ncommitter No Email 1700000000 +0000\n\nbad\n`,
    );
    const answer = await pushToMain(parent, { commit, objects: [commit] }, MAINTAINER);
    expect(answer.report).toContain('ng refs/heads/main unpacker error');
    expect(main()).toBe(parent);
    expect(() => inBare('cat-file', '-e', commit.oid)).toThrow();
  });
});

describe('git push and clone with the git CLI', () => {
  let counter = 0;
  async function clone(token: string) {
    counter += 1;
    const dir = path.join(work, `clone-${counter}`);
    const result = await git(['clone', withCredentials(repoUrl, 'oauth2', token), dir], work);
    expect(result.code, result.stderr).toBe(0);
    return dir;
  }
  async function commitFiles(dir: string, count: number, prefix: string) {
    for (let index = 0; index < count; index += 1) {
      await writeFile(path.join(dir, `${prefix}-${index}.txt`), `${prefix} ${index}\n`.repeat(50));
      await git(['add', '.'], dir);
      await git(['commit', '-q', '-m', `${prefix} ${index}`], dir);
    }
  }

  it('when the maintainer pushes several commits to main, then they land and a clone has them', async () => {
    const dir = await clone(MAINTAINER);
    await commitFiles(dir, 5, 'cli');
    const push = await git(['push', 'origin', 'main'], dir);
    expect(push.code, push.stderr).toBe(0);
    const head = (await git(['rev-parse', 'HEAD'], dir)).stdout;
    expect(main()).toBe(head);
    const check = await clone('gldt-local-clusters-api');
    expect((await git(['log', '-1', '--format=%s'], check)).stdout).toBe('cli 4');
  });

  it('when a client speaks protocol v0, then clone and push work as well', async () => {
    counter += 1;
    const dir = path.join(work, `clone-${counter}`);
    const url = withCredentials(repoUrl, 'oauth2', MAINTAINER);
    const cloned = await git(['-c', 'protocol.version=0', 'clone', url, dir], work);
    expect(cloned.code, cloned.stderr).toBe(0);
    await commitFiles(dir, 1, 'v0');
    const push = await git(['-c', 'protocol.version=0', 'push', 'origin', 'main'], dir);
    expect(push.code, push.stderr).toBe(0);
    expect(main()).toBe((await git(['rev-parse', 'HEAD'], dir)).stdout);
  });

  it('when the maintainer deletes main with git, then GitLab refuses it with its message', async () => {
    const dir = await clone(MAINTAINER);
    const before = main();
    const push = await git(['push', 'origin', ':main'], dir);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`GitLab: ${PROTECTED_BRANCH_MESSAGES.delete}`);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(main()).toBe(before);
  });

  it('when the developer force-pushes and deletes an unprotected branch, then GitLab allows both', async () => {
    const dir = await clone(DEVELOPER);
    await commitFiles(dir, 2, 'feature');
    expect((await git(['push', 'origin', 'HEAD:refs/heads/feature'], dir)).code).toBe(0);
    expect((await git(['reset', '--hard', 'HEAD~1'], dir)).code).toBe(0);
    await commitFiles(dir, 1, 'rewritten');
    const force = await git(['push', '--force', 'origin', 'HEAD:refs/heads/feature'], dir);
    expect(force.code, force.stderr).toBe(0);
    expect(inBare('rev-parse', 'refs/heads/feature')).toBe(
      (await git(['rev-parse', 'HEAD'], dir)).stdout,
    );
    const deleted = await git(['push', 'origin', ':feature'], dir);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(() => inBare('rev-parse', '--verify', '--quiet', 'refs/heads/feature')).toThrow();
  });
});
