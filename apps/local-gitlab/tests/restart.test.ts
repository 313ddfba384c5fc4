import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as client from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { git, withCredentials } from './helpers/git-cli';
import { startTestGitlab } from './helpers/local-gitlab';
import { discoverConsoleClient, signIn } from './helpers/oidc-flow';

let dataDir: string;
let work: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-gitlab-restart-'));
  work = await mkdtemp(path.join(tmpdir(), 'local-gitlab-restart-work-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const jwks = async (url: string) => await (await fetch(`${url}/oauth/discovery/keys`)).json();

it('when restarted on the same data directory, then keys, tokens and pushed commits are still there', async () => {
  const first = await startTestGitlab({}, { dataDir });
  const firstKeys = await jwks(first.url);
  const config = await discoverConsoleClient(first.issuer);
  const { tokens } = await signIn(config, { username: 'maintainer', password: 'maintainer' });
  const repoUrl = `${first.url}/nautes/tenant-config.git`;
  const clone = path.join(work, 'clone');
  expect(
    (
      await git(
        ['clone', withCredentials(repoUrl, 'oauth2', 'glpat-local-maintainer'), clone],
        work,
      )
    ).code,
  ).toBe(0);
  await writeFile(path.join(clone, 'kept.txt'), 'kept\n');
  await git(['add', 'kept.txt'], clone);
  await git(['commit', '-m', 'kept'], clone);
  expect((await git(['push', 'origin', 'main'], clone)).code).toBe(0);
  const pushed = (await git(['rev-parse', 'HEAD'], clone)).stdout;
  await first.stop();

  // PORT=0 gives another port and so another issuer; pin the issuer to the first one's.
  const second = await startTestGitlab({ PUBLIC_URL: first.issuer }, { dataDir });
  try {
    expect(await jwks(second.url)).toEqual(firstKeys);
    const me = await fetch(`${second.url}/api/v4/user`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.status).toBe(200);
    const secondConfig = new client.Configuration(
      {
        issuer: first.issuer,
        token_endpoint: `${second.url}/oauth/token`,
        jwks_uri: `${second.url}/oauth/discovery/keys`,
      },
      'cluster-console',
      'cluster-console-local-secret',
    );
    client.allowInsecureRequests(secondConfig);
    const refreshed = await client.refreshTokenGrant(secondConfig, tokens.refresh_token ?? '');
    expect(refreshed.access_token).toBeTruthy();
    const remote = await git(
      [
        'ls-remote',
        withCredentials(`${second.url}/nautes/tenant-config.git`, 'x', 'gldt-local-clusters-api'),
        'main',
      ],
      work,
    );
    expect(remote.stdout.split('\t')[0]).toBe(pushed);
  } finally {
    await second.stop();
  }
});
