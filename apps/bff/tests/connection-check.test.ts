import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  createAuthority,
  kubeconfigFor,
  startLocalKube,
  type KubeconfigOptions,
  type LocalKube,
} from '@cluster-console/local-kube';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionCheckResponseSchema,
  englishCheckText,
  type CheckParams,
} from '@cluster-console/shared';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { signIn } from './support/sign-in';

/**
 * `POST /api/console/connection-checks` over real HTTP, signed in through the real local GitLab,
 * against the local Kubernetes API stand-in on 127.0.0.1 (allowed through
 * CONNECTION_CHECK_ALLOWED_NETWORKS, as the check refuses loopback by default).
 */
const ROUTE = '/api/console/connection-checks';
const BFF_NAMES = ['main', 'limited', 'defaults'] as const;
type BffName = (typeof BFF_NAMES)[number];

interface Check {
  id: string;
  status: string;
  message: string;
  code: string;
  params: CheckParams;
  detail?: string;
  duration_ms: number;
}
interface CheckAnswer {
  api_server: string;
  address: string | null;
  checks: Check[];
  notes: string[];
  duration_ms: number;
}

let stack: GitLabStack;
const listening = {} as Record<BffName, ListeningServer>;
const bffs = {} as Record<BffName, TestBff>;
const browsers = {} as Record<BffName, HttpBrowser>;
const kubes = {} as Record<
  'good' | 'expired' | 'wrongName' | 'slow' | 'redirect' | 'old',
  LocalKube
>;
let silent: Server;
const silentSockets = new Set<Socket>();
let silentPort: number;
let closedPort: number;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'connection-check-'));
  // The stand-ins first: signing in last keeps the browsers' connections fresh.
  kubes.good = await startLocalKube();
  kubes.expired = await startLocalKube({ serverCertificate: 'expired' });
  kubes.wrongName = await startLocalKube({ serverCertificate: 'wrong-name' });
  kubes.slow = await startLocalKube({ delayMs: 10_000 });
  kubes.redirect = await startLocalKube({
    redirectTo: 'https://169.254.169.254/latest/meta-data/',
  });
  kubes.old = await startLocalKube({ selfSubjectReview: false, gitVersion: 'v1.26.15' });
  // Accepts TCP connections and never speaks: a TLS handshake that never ends.
  silent = createServer((socket) => silentSockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  for (const name of BFF_NAMES) listening[name] = await listenOnFreePort();
  stack = await startGitLabStack({
    redirectUris: BFF_NAMES.map((name) => `${listening[name].url}/auth/callback`),
  });
  const envs: Record<BffName, Record<string, string>> = {
    main: {
      CONNECTION_CHECK_ALLOWED_NETWORKS: '127.0.0.1/32',
      CONNECTION_CHECK_TIMEOUT: '3',
      CONNECTION_CHECK_RATE_LIMIT: '100',
    },
    limited: {
      CONNECTION_CHECK_ALLOWED_NETWORKS: '127.0.0.1/32',
      CONNECTION_CHECK_RATE_LIMIT: '2',
    },
    defaults: {},
  };
  for (const name of BFF_NAMES) {
    bffs[name] = await startBff({
      listening: listening[name],
      env: { GITLAB_URL: stack.gitlabUrl, CLUSTERS_API_URL: stack.clustersApiUrl, ...envs[name] },
    });
    browsers[name] = (
      await signIn(bffs[name].url, { username: 'maintainer', password: 'maintainer' })
    ).browser;
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(bffs).map((bff) => bff.close()));
  await Promise.all(Object.values(kubes).map((kube) => kube.close()));
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  await stack?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

type KubeName = keyof typeof kubes;

function configFor(kube: LocalKube, options: Partial<KubeconfigOptions> & { user?: string } = {}) {
  const user = options.user ?? 'kube-admin';
  const credential = kube.credentials[user];
  return kubeconfigFor({
    server: kube.url,
    caPem: kube.authority.certPem,
    certificate: credential?.certificate,
    token: credential?.token,
    ...options,
  });
}

async function check(
  body: { api_server: string; kubeconfig: string },
  bff: BffName = 'main',
): Promise<{ status: number; answer: CheckAnswer }> {
  const response = await browsers[bff].api(`${bffs[bff].url}${ROUTE}`, {
    method: 'POST',
    json: body,
  });
  return { status: response.status, answer: JSON.parse(response.body) as CheckAnswer };
}

async function checkKube(
  name: KubeName,
  options: Partial<KubeconfigOptions> & { user?: string } = {},
) {
  const kube = kubes[name];
  return check({ api_server: kube.url, kubeconfig: configFor(kube, options) });
}

const statuses = (answer: CheckAnswer) =>
  Object.fromEntries(answer.checks.map((item) => [item.id, item.status]));
const find = (answer: CheckAnswer, id: string) =>
  answer.checks.find((item) => item.id === id) as Check;

describe('POST /api/console/connection-checks against the local Kubernetes API', () => {
  it('when a certificate admin checks, then every check is ok, in words, with times', async () => {
    const { status, answer } = await checkKube('good');
    expect(status).toBe(200);
    expect(statuses(answer)).toEqual({
      reachable: 'ok',
      tls: 'ok',
      version: 'ok',
      identity: 'ok',
      permissions: 'ok',
    });
    expect(answer.address).toBe('127.0.0.1');
    expect(find(answer, 'tls').message).toContain("kubeconfig's CA");
    expect(find(answer, 'version').message).toContain('v1.31.4');
    expect(find(answer, 'identity').message).toContain('kube-admin');
    expect(find(answer, 'identity').message).toContain('client certificate');
    expect(answer.checks.every((item) => Number.isInteger(item.duration_ms))).toBe(true);
    // Each result also as a code and params, for a reader's own words; the message is their English.
    expect(find(answer, 'tls')).toMatchObject({
      code: 'tls.ok',
      params: { authorities_code: 'authorities.kubeconfig_ca' },
    });
    expect(find(answer, 'identity')).toMatchObject({
      code: 'identity.ok',
      params: { credential_code: 'credentials.client_certificate', user: 'kube-admin' },
    });
    for (const item of answer.checks) expect(englishCheckText(item)).toBe(item.message);
    expect(ConnectionCheckResponseSchema.parse(answer)).toEqual(answer);
  });

  it('when a token user checks, then the identity is the token user and the token reached the server', async () => {
    const { answer } = await checkKube('good', { user: 'deployer' });
    expect(statuses(answer)).toMatchObject({ identity: 'ok', permissions: 'ok' });
    expect(find(answer, 'identity').message).toContain('deployer');
    expect(find(answer, 'identity').message).toContain('bearer token');
  });

  it('when the user may not create cluster roles or CRDs, then permissions is a warning naming what will fail', async () => {
    const { answer } = await checkKube('good', { user: 'viewer' });
    const permissions = find(answer, 'permissions');
    expect(permissions.status).toBe('warning');
    expect(permissions.message).toContain(
      'may not create cluster roles, custom resource definitions',
    );
    expect(permissions.message).toContain('ArgoCD');
    expect(permissions).toMatchObject({
      code: 'permissions.missing',
      params: { denied: 'clusterroles,customresourcedefinitions' },
    });
    expect(englishCheckText(permissions)).toBe(permissions.message);
    expect(permissions.message).not.toContain('may not create namespaces');
  });

  it('when the kubeconfig trusts another CA, then TLS fails as an unknown authority and no credential is sent', async () => {
    const before = kubes.good.requests.length;
    const { answer } = await checkKube('good', { caPem: createAuthority('other-ca').certPem });
    expect(find(answer, 'tls')).toMatchObject({ status: 'failed' });
    expect(find(answer, 'tls').message).toContain('unknown authority');
    expect(statuses(answer)).toMatchObject({
      version: 'skipped',
      identity: 'skipped',
      permissions: 'skipped',
    });
    expect(kubes.good.requests.length).toBe(before);
  });

  it('when the kubeconfig has no CA, then the system CAs are used and the answer says so', async () => {
    const { answer } = await checkKube('good', { caPem: undefined });
    expect(find(answer, 'tls').status).toBe('failed');
    expect(find(answer, 'tls').message).toContain("system's CAs");
  });

  it('when the server certificate has expired, then TLS fails saying it expired', async () => {
    const { answer } = await checkKube('expired');
    expect(find(answer, 'tls')).toMatchObject({ status: 'failed' });
    expect(find(answer, 'tls').message).toContain('expired');
  });

  it('when the server certificate is for another name, then TLS fails as a name mismatch', async () => {
    const { answer } = await checkKube('wrongName');
    expect(find(answer, 'tls').status).toBe('failed');
    expect(find(answer, 'tls').message).toContain('name mismatch');
    expect(find(answer, 'tls').message).toContain('127.0.0.1');
  });

  it('when insecure-skip-tls-verify is set, then TLS is a warning that flags it and the checks go on', async () => {
    const { answer } = await checkKube('wrongName', {
      caPem: undefined,
      insecureSkipTlsVerify: true,
    });
    expect(find(answer, 'tls').status).toBe('warning');
    expect(find(answer, 'tls').message).toContain('insecure-skip-tls-verify');
    expect(find(answer, 'tls').message).toContain('Verification would fail');
    expect(find(answer, 'version').status).toBe('ok');
  });

  it('when nothing listens on the port, then reachable fails and the rest is skipped', async () => {
    const { answer } = await check({
      api_server: `https://127.0.0.1:${closedPort}`,
      kubeconfig: configFor(kubes.good),
    });
    expect(find(answer, 'reachable').status).toBe('failed');
    expect(find(answer, 'reachable').message).toContain('Nothing accepts connections');
    expect(statuses(answer)).toMatchObject({ tls: 'skipped', version: 'skipped' });
  });

  it('when the server redirects, then the redirect is reported and not followed', async () => {
    const { answer } = await checkKube('redirect');
    const version = find(answer, 'version');
    expect(version.status).toBe('failed');
    expect(version.message).toContain('redirect to https://169.254.169.254/latest/meta-data/');
    expect(version.message).toContain('does not follow redirects');
    expect(kubes.redirect.requests.map((request) => request.path)).toEqual(['/version']);
  });

  it('when the server is slow, then the check stops at its time limit and says so', async () => {
    const started = Date.now();
    const { answer } = await checkKube('slow');
    expect(Date.now() - started).toBeLessThan(6000);
    expect(find(answer, 'version').status).toBe('failed');
    expect(find(answer, 'version').message).toContain('in time');
  });

  it('when the port accepts TCP but never speaks TLS, then TLS fails within the time limit', async () => {
    const { answer } = await check({
      api_server: `https://127.0.0.1:${silentPort}`,
      kubeconfig: configFor(kubes.good),
    });
    expect(find(answer, 'reachable').status).toBe('ok');
    expect(find(answer, 'tls').status).toBe('failed');
  });

  it('when the server is older than 1.28, then the identity is unknown, said in words', async () => {
    const { answer } = await checkKube('old');
    expect(find(answer, 'version').message).toContain('v1.26.15');
    expect(find(answer, 'identity')).toMatchObject({ status: 'warning' });
    expect(find(answer, 'identity').message).toContain('unknown');
    expect(find(answer, 'permissions').status).toBe('ok');
  });

  it('when the token is unknown to the server, then identity fails as 401 Unauthorized', async () => {
    const { answer } = await checkKube('good', { user: 'nobody', token: 'wrong-token' });
    expect(find(answer, 'identity').status).toBe('failed');
    expect(find(answer, 'identity').message).toContain('401');
  });
});

describe('connection-check hardening', () => {
  const goodBody = () => ({ api_server: kubes.good.url, kubeconfig: configFor(kubes.good) });

  it('when nobody is signed in, then 401 and the cluster is not contacted', async () => {
    const before = kubes.good.requests.length;
    const response = await fetch(`${bffs.main.url}${ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'cluster-console' },
      body: JSON.stringify(goodBody()),
    });
    expect(response.status).toBe(401);
    expect(kubes.good.requests.length).toBe(before);
  });

  it('when the CSRF header is missing, then 403 and the cluster is not contacted', async () => {
    const before = kubes.good.requests.length;
    const response = await browsers.main.request(`${bffs.main.url}${ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(goodBody()),
    });
    expect(response.status).toBe(403);
    expect(response.json<{ reason: string }>().reason).toBe('CSRF_REJECTED');
    expect(kubes.good.requests.length).toBe(before);
  });

  it('when a user checks more often than allowed, then 429 in the error shape', async () => {
    const body = {
      api_server: `https://127.0.0.1:${closedPort}`,
      kubeconfig: configFor(kubes.good),
    };
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await check(body, 'limited')).status);
    expect(codes).toEqual([200, 200, 429]);
    const last = await browsers.limited.api(`${bffs.limited.url}${ROUTE}`, {
      method: 'POST',
      json: body,
    });
    expect(last.json<{ reason: string }>().reason).toBe('RATE_LIMITED');
  });

  it('when the API server URL is http://, then 400 on api_server and nothing is contacted', async () => {
    const before = kubes.good.requests.length;
    const { status, answer } = await check({
      api_server: kubes.good.url.replace('https:', 'http:'),
      kubeconfig: configFor(kubes.good),
    });
    expect(status).toBe(400);
    expect(
      (answer as unknown as { metadata: Record<string, string> }).metadata.api_server,
    ).toContain('must be https');
    expect((answer as unknown as { metadata: Record<string, string> }).metadata).toMatchObject({
      'api_server.code': 'request_fields.api_server_http',
    });
    expect(kubes.good.requests.length).toBe(before);
  });

  it.each([
    ['https://169.254.169.254', 'link-local'],
    ['https://[fd00:ec2::254]', 'cloud metadata'],
    ['https://[fe80::1]:6443', 'link-local'],
    ['https://[::ffff:169.254.169.254]', 'link-local'],
    ['https://0251.0376.0251.0376', 'link-local'],
    ['https://2130706433:6443', 'loopback'],
    ['https://[::1]:6443', 'loopback'],
  ])('when the API server is %s, then it is refused before any socket opens', async (url, kind) => {
    const { status, answer } = await check(
      { api_server: url, kubeconfig: configFor(kubes.good) },
      'defaults',
    );
    expect(status).toBe(200);
    expect(find(answer, 'reachable').status).toBe('failed');
    expect(find(answer, 'reachable').message).toContain(kind);
    // At once, not after the check's timeout (15 s); room for a loaded machine.
    expect(find(answer, 'reachable').duration_ms).toBeLessThan(2_000);
  });

  it('when loopback is not explicitly allowed (the default), then the stand-in on 127.0.0.1 is refused', async () => {
    const before = kubes.good.requests.length;
    const { answer } = await check(goodBody(), 'defaults');
    expect(find(answer, 'reachable').message).toContain('loopback');
    expect(find(answer, 'reachable')).toMatchObject({
      code: 'reachable.address_refused',
      params: { reason_code: 'reasons.refused_range', range_code: 'ranges.loopback' },
    });
    expect(find(answer, 'tls')).toMatchObject({ code: 'skipped.unreachable' });
    expect(statuses(answer)).toMatchObject({ tls: 'skipped', version: 'skipped' });
    expect(kubes.good.requests.length).toBe(before);
  });

  it("when the API server is the BFF's own address or GitLab's, then it is refused even with loopback allowed", async () => {
    for (const url of [bffs.main.url, stack.gitlabUrl, stack.clustersApiUrl]) {
      const { answer } = await check({
        api_server: url.replace('http:', 'https:'),
        kubeconfig: configFor(kubes.good),
      });
      expect(find(answer, 'reachable').message).toContain(
        "the console's own address or one of its services",
      );
    }
  });

  it('when the body is larger than 1 MiB, then 413 in the error shape', async () => {
    const response = await browsers.main.api(`${bffs.main.url}${ROUTE}`, {
      method: 'POST',
      json: { api_server: kubes.good.url, kubeconfig: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(response.status).toBe(413);
    expect(response.json<{ reason: string }>().reason).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when the body lacks a field, then 400 naming it', async () => {
    const response = await browsers.main.api(`${bffs.main.url}${ROUTE}`, {
      method: 'POST',
      json: { api_server: kubes.good.url },
    });
    expect(response.status).toBe(400);
    expect(response.json<{ metadata: Record<string, string> }>().metadata.kubeconfig).toBeTruthy();
  });

  it('when the kubeconfig has an exec plugin, then it is never run, and the answer says so', async () => {
    const marker = path.join(workDir, 'exec-ran');
    const { answer } = await checkKube('good', {
      certificate: undefined,
      token: undefined,
      exec: { command: '/bin/sh', args: ['-c', `touch ${marker}`] },
    });
    expect(existsSync(marker)).toBe(false);
    expect(answer.notes.join(' ')).toContain('exec credential plugin was not run');
    expect(statuses(answer)).toMatchObject({
      version: 'ok',
      identity: 'skipped',
      permissions: 'skipped',
    });
  });

  it('when the kubeconfig names files of the console server, then none is read or sent', async () => {
    const before = kubes.good.requests.length;
    const { answer } = await checkKube('good', {
      certificate: undefined,
      token: undefined,
      userExtra: {
        tokenFile: '/etc/hostname',
        'token-file': '/etc/hostname',
        'client-key': '/etc/passwd',
      },
    });
    expect(answer.notes.join(' ')).toContain('files on the console server are never read');
    expect(kubes.good.requests.slice(before).every((request) => request.user !== undefined)).toBe(
      true,
    );
    expect(find(answer, 'identity').detail).toContain('system:anonymous');
  });

  it('when checks run, then the log names host and statuses but never the kubeconfig or a token', async () => {
    await checkKube('good', { user: 'deployer' });
    const line = bffs.main.logs().find((entry) => entry.event === 'connection_check');
    expect(line).toMatchObject({ host: expect.stringContaining('127.0.0.1') as unknown });
    const raw = bffs.main.rawLogs();
    expect(raw).not.toContain(kubes.good.credentials.deployer?.token ?? 'missing');
    expect(raw).not.toContain('client-key-data');
    expect(raw).not.toContain('BEGIN');
  });
});
