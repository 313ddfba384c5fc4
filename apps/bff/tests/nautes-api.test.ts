import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { startNautesStandIn, type NautesStandIn } from './support/nautes-stand-in';
import { readSession } from './support/session-inspection';
import { signIn } from './support/sign-in';

/**
 * `GET /api/console/nautes-api` over real HTTP, signed in through the real local GitLab: the
 * generation from NAUTES_API_VERSION, from our embedded clusters API (it says so), and from a
 * stand-in for a real Nautes server (which says nothing: the list reply tells, or nothing does).
 */
const ROUTE = '/api/console/nautes-api';
const BFF_NAMES = ['configured', 'embedded', 'v04List', 'v03List', 'emptyList', 'down'] as const;
type BffName = (typeof BFF_NAMES)[number];

const v04Item = {
  name: 'cluster-host',
  cluster_type: 'physical',
  usage: 'host',
  components_list: { gateway: { name: 'traefik', namespace: 'traefik', additions: {} } },
};
const v03Item = { name: 'cluster-host', cluster_type: 'physical', usage: 'host' };

let stack: GitLabStack;
const listening = {} as Record<BffName, ListeningServer>;
const standIns = {} as Record<BffName, NautesStandIn>;
const bffs = {} as Record<BffName, TestBff>;
const browsers = {} as Record<BffName, HttpBrowser>;

async function startCase(name: BffName, clustersApiUrl: string, env: Record<string, string> = {}) {
  bffs[name] = await startBff({
    listening: listening[name],
    env: { GITLAB_URL: stack.gitlabUrl, CLUSTERS_API_URL: clustersApiUrl, ...env },
  });
  browsers[name] = (
    await signIn(bffs[name].url, { username: 'maintainer', password: 'maintainer' })
  ).browser;
}

async function askGeneration(name: BffName) {
  const response = await browsers[name].api(`${bffs[name].url}${ROUTE}`);
  return { response, body: JSON.parse(response.body) as Record<string, string> };
}

beforeAll(async () => {
  for (const name of BFF_NAMES) listening[name] = await listenOnFreePort();
  stack = await startGitLabStack({
    redirectUris: BFF_NAMES.map((name) => `${listening[name].url}/auth/callback`),
  });
  for (const name of ['configured', 'v04List', 'v03List', 'emptyList', 'down'] as const) {
    standIns[name] = await startNautesStandIn();
  }
  standIns.v04List.listReply = { status: 200, body: { items: [v04Item] } };
  standIns.v03List.listReply = { status: 200, body: { items: [v03Item] } };
  standIns.down.listReply = { status: 503, body: {} };
  await startCase('configured', standIns.configured.url, { NAUTES_API_VERSION: 'v0.4' });
  await startCase('embedded', stack.clustersApiUrl);
  await startCase('v04List', standIns.v04List.url);
  await startCase('v03List', standIns.v03List.url);
  await startCase('emptyList', standIns.emptyList.url);
  await startCase('down', standIns.down.url);
});

afterAll(async () => {
  await Promise.all(Object.values(bffs).map((bff) => bff.close()));
  await Promise.all(Object.values(standIns).map((standIn) => standIn.close()));
  await stack?.stop();
});

describe('GET /api/console/nautes-api', () => {
  it('when nobody is signed in, then it answers 401 and asks the clusters API nothing', async () => {
    const before = standIns.v03List.requests.length;
    const response = await fetch(`${bffs.v03List.url}${ROUTE}`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { reason: string }).reason).toBe('UNAUTHENTICATED');
    expect(standIns.v03List.requests.length).toBe(before);
  });

  it('when NAUTES_API_VERSION is set, then that is the answer, no-store, and the server is not asked', async () => {
    const { response, body } = await askGeneration('configured');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(body).toMatchObject({ version: 'v0.4', source: 'configured' });
    expect(body.message).toContain('NAUTES_API_VERSION');
    expect(standIns.configured.requests).toEqual([]);
  });

  it('when it is unset and the server is our embedded clusters API, then the server says v0.3', async () => {
    const { body } = await askGeneration('embedded');
    expect(body).toMatchObject({ version: 'v0.3', source: 'server' });
  });

  it('when a Nautes server says nothing but lists a cluster with components_list, then it is v0.4, read with the user bearer', async () => {
    const { body } = await askGeneration('v04List');
    expect(body).toMatchObject({ version: 'v0.4', source: 'clusters' });
    const paths = standIns.v04List.requests.map((request) => request.path);
    expect(paths).toEqual(['/healthz', '/openapi.json', '/api/v1/clusters']);
    const session = await readSession(bffs.v04List.services.store, browsers.v04List.jar);
    expect(standIns.v04List.requests[2]?.authorization).toBe(
      `Bearer ${session?.tokens?.accessToken ?? 'missing'}`,
    );
    expect(standIns.v04List.requests[0]?.authorization).toBeUndefined();
  });

  it('when a Nautes server lists clusters without components_list, then it is v0.3', async () => {
    const { body } = await askGeneration('v03List');
    expect(body).toMatchObject({ version: 'v0.3', source: 'clusters' });
  });

  it('when the answer is known, then it is kept: concurrent and later calls do not ask the server again', async () => {
    const before = standIns.v04List.requests.length;
    const answers = await Promise.all([1, 2, 3].map(() => askGeneration('v04List')));
    expect(answers.map(({ body }) => body.version)).toEqual(['v0.4', 'v0.4', 'v0.4']);
    expect(standIns.v04List.requests.length).toBe(before);
  });

  it('when the server says nothing and has no clusters, then the answer is unknown, in words, not a guess', async () => {
    const { response, body } = await askGeneration('emptyList');
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ version: 'unknown', source: 'none' });
    expect(body.message).toContain('no clusters yet');
    expect(body.message).toContain('NAUTES_API_VERSION');
  });

  it('when the server cannot be read, then the answer is unknown and says the list could not be read', async () => {
    const { body } = await askGeneration('down');
    expect(body).toMatchObject({ version: 'unknown', source: 'none' });
    expect(body.message).toContain('could not be read');
  });

  it('when a generation is detected, then the log line names it and carries no token', async () => {
    const line = bffs.v04List.logs().find((entry) => entry.event === 'nautes_api_detected');
    expect(line).toMatchObject({ version: 'v0.4', source: 'clusters' });
    const session = await readSession(bffs.v04List.services.store, browsers.v04List.jar);
    expect(bffs.v04List.rawLogs()).not.toContain(session?.tokens?.accessToken ?? 'missing');
  });
});
