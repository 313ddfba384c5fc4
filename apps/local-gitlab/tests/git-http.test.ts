import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, withCredentials } from './helpers/git-cli';
import { startTestGitlab, type TestGitlab } from './helpers/local-gitlab';
import { discoverConsoleClient, signIn } from './helpers/oidc-flow';

const KUSTOMIZATION = 'nautes/overlays/production/clusters/kustomization.yaml';
const PROTECTED_MESSAGE =
  'GitLab: You are not allowed to push code to protected branches on this project.';

let gitlab: TestGitlab;
let work: string;
let repoUrl: string;
let counter = 0;

beforeAll(async () => {
  gitlab = await startTestGitlab();
  work = await mkdtemp(path.join(tmpdir(), 'local-gitlab-git-'));
  repoUrl = `${gitlab.url}/nautes/tenant-config.git`;
});
afterAll(async () => {
  await gitlab.stop();
  await rm(work, { recursive: true, force: true });
});

async function clone(username: string, token: string) {
  counter += 1;
  const dir = path.join(work, `clone-${counter}`);
  const result = await git(['clone', withCredentials(repoUrl, username, token), dir], work);
  return { dir, result };
}

async function commitFile(dir: string, file: string, content: string) {
  await writeFile(path.join(dir, file), content);
  expect((await git(['add', file], dir)).code).toBe(0);
  expect((await git(['commit', '-m', `add ${file}`], dir)).code).toBe(0);
}

async function remoteMain() {
  const result = await git(
    ['ls-remote', withCredentials(repoUrl, 'oauth2', 'glpat-local-maintainer'), 'refs/heads/main'],
    work,
  );
  return result.stdout.split('\t')[0];
}

describe('git smart HTTP', () => {
  it('when cloning with the deploy token, then the initial commit holds the kustomization', async () => {
    const { dir, result } = await clone('clusters-api', 'gldt-local-clusters-api');
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(dir, KUSTOMIZATION), 'utf8')).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
    );
    const log = await git(['log', '--format=%an <%ae>|%s', 'main'], dir);
    expect(log.stdout.split('\n').at(-1)).toBe(
      'Local GitLab <local-gitlab@local-gitlab.test>|Initial commit',
    );
  });

  it('when the deploy token pushes, then it is refused', async () => {
    const { dir } = await clone('clusters-api', 'gldt-local-clusters-api');
    await commitFile(dir, 'deploy.txt', 'x\n');
    const push = await git(['push', 'origin', 'HEAD:refs/heads/deploy-branch'], dir);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('This deploy token does not have write access to this project.');
  });

  it('when the developer pushes to main, then GitLab refuses it with its message and main is unchanged', async () => {
    const before = await remoteMain();
    const { dir, result } = await clone('oauth2', 'glpat-local-developer');
    expect(result.code, result.stderr).toBe(0);
    await commitFile(dir, 'developer.txt', 'from the developer\n');
    const push = await git(['push', 'origin', 'main'], dir);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(PROTECTED_MESSAGE);
    expect(push.stderr).toContain('pre-receive hook declined');
    expect(await remoteMain()).toBe(before);

    // An unprotected branch is fine for a developer.
    const branch = await git(['push', 'origin', 'HEAD:refs/heads/developer-branch'], dir);
    expect(branch.code, branch.stderr).toBe(0);
  });

  it('when the maintainer pushes to main with an OAuth access token, then the commit lands', async () => {
    const config = await discoverConsoleClient(gitlab.issuer);
    const { tokens } = await signIn(config, { username: 'maintainer', password: 'maintainer' });
    const { dir, result } = await clone('oauth2', tokens.access_token);
    expect(result.code, result.stderr).toBe(0);
    await commitFile(dir, 'maintainer.txt', 'from the maintainer\n');
    const push = await git(['push', 'origin', 'main'], dir);
    expect(push.code, push.stderr).toBe(0);
    const head = (await git(['rev-parse', 'HEAD'], dir)).stdout;
    expect(await remoteMain()).toBe(head);

    const check = await clone('clusters-api', 'gldt-local-clusters-api');
    expect(await readFile(path.join(check.dir, 'maintainer.txt'), 'utf8')).toBe(
      'from the maintainer\n',
    );
  });

  it('when the maintainer force-pushes main, then GitLab refuses it', async () => {
    const { dir } = await clone('oauth2', 'glpat-local-maintainer');
    expect((await git(['reset', '--hard', 'HEAD~1'], dir)).code).toBe(0);
    await commitFile(dir, 'rewrite.txt', 'rewritten history\n');
    const push = await git(['push', '--force', 'origin', 'main'], dir);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(
      'You are not allowed to force push code to a protected branch on this project.',
    );
  });

  it('when no credentials are given, then the clone fails', async () => {
    counter += 1;
    const result = await git(['clone', repoUrl, path.join(work, `clone-${counter}`)], work);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/could not read Username|Authentication failed/);
    const response = await fetch(`${repoUrl}/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="GitLab"');
  });

  it('when the token is wrong, then authentication fails', async () => {
    const { result } = await clone('oauth2', 'glpat-wrong-token');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Authentication failed');
  });

  it('when the outsider clones, then the project is not found', async () => {
    const { result } = await clone('outsider', 'glpat-local-outsider');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('could not be found');
  });

  it('when an upload-pack request body is gzip-compressed, then git answers with a pack', async () => {
    const head = await remoteMain();
    const pkt = (line: string) => `${(line.length + 4).toString(16).padStart(4, '0')}${line}`;
    const body = gzipSync(`${pkt(`want ${head}\n`)}0000${pkt('done\n')}`);
    const response = await fetch(`${repoUrl}/git-upload-pack`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('x:gldt-local-clusters-api').toString('base64')}`,
        'Content-Type': 'application/x-git-upload-pack-request',
        'Content-Encoding': 'gzip',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-result');
    expect(Buffer.from(await response.arrayBuffer()).includes('PACK')).toBe(true);
  });
});
