import {
  kubeconfigFor,
  startLocalKube,
  type KubeconfigOptions,
  type LocalKube,
} from '@cluster-console/local-kube';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import type { HttpBrowser } from './support/http-browser';
import { listenOnFreePort } from './support/listening-server';
import { signIn } from './support/sign-in';

/**
 * What the check does with the kubeconfig's credentials (issue 23), over real HTTP against the
 * local Kubernetes API stand-in, which records what each request and each TLS handshake
 * presented: broken certificate data or a header with a line break is a result in words (never
 * a 500) and nothing of it is sent.
 */
const ROUTE = '/api/console/connection-checks';

interface Check {
  id: string;
  status: string;
  message: string;
  detail?: string;
}
interface CheckAnswer {
  checks: Check[];
  notes: string[];
}

let stack: GitLabStack;
let bff: TestBff;
let browser: HttpBrowser;
let kube: LocalKube;

beforeAll(async () => {
  kube = await startLocalKube();
  const listening = await listenOnFreePort();
  stack = await startGitLabStack({ redirectUris: [`${listening.url}/auth/callback`] });
  bff = await startBff({
    listening,
    env: {
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
      CONNECTION_CHECK_ALLOWED_NETWORKS: '127.0.0.1/32',
      CONNECTION_CHECK_TIMEOUT: '5',
      CONNECTION_CHECK_RATE_LIMIT: '100',
    },
  });
  browser = (await signIn(bff.url, { username: 'maintainer', password: 'maintainer' })).browser;
}, 180_000);

afterAll(async () => {
  await bff?.close();
  await kube?.close();
  await stack?.stop();
});

const admin = (options: Partial<KubeconfigOptions> = {}) =>
  kubeconfigFor({
    server: kube.url,
    caPem: kube.authority.certPem,
    certificate: kube.credentials['kube-admin']?.certificate,
    ...options,
  });

async function check(
  body: Record<string, unknown>,
): Promise<{ status: number; answer: CheckAnswer }> {
  const response = await browser.api(`${bff.url}${ROUTE}`, { method: 'POST', json: body });
  return { status: response.status, answer: JSON.parse(response.body) as CheckAnswer };
}

const find = (answer: CheckAnswer, id: string) =>
  answer.checks.find((item) => item.id === id) as Check;
const statuses = (answer: CheckAnswer) =>
  Object.fromEntries(answer.checks.map((item) => [item.id, item.status]));

/** What reached the stand-in since `mark`: no request and no handshake carried a credential. */
function sentSince(mark: { requests: number; handshakes: number }) {
  const requests = kube.requests.slice(mark.requests);
  const handshakes = kube.handshakes.slice(mark.handshakes);
  return {
    requests,
    authorization: requests.some((request) => request.presented.authorization),
    clientCertificate:
      requests.some((request) => request.presented.clientCertificate) ||
      handshakes.some((handshake) => handshake.clientCertificate),
  };
}
const mark = () => ({ requests: kube.requests.length, handshakes: kube.handshakes.length });

describe('bad certificate data and header values are check results, not 500s', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const fakePem = (label: string) =>
    b64(`-----BEGIN ${label}-----\nbm90IGEgcmVhbCBvbmU=\n-----END ${label}-----\n`);

  it.each([
    ['invalid base64', 'not base64 at all !!'],
    ['base64 of no PEM', b64('just some words')],
    ['a PEM block that is no certificate', fakePem('CERTIFICATE')],
  ])(
    'when certificate-authority-data is %s, then TLS fails in words and no credential is sent',
    async (_what, data) => {
      const before = mark();
      const { status, answer } = await check({
        api_server: kube.url,
        kubeconfig: admin({
          caPem: undefined,
          clusterExtra: { 'certificate-authority-data': data },
        }),
      });
      expect(status).toBe(200);
      expect(find(answer, 'reachable').status).toBe('ok');
      expect(find(answer, 'tls')).toMatchObject({ status: 'failed' });
      expect(find(answer, 'tls').message).toContain(
        'certificate-authority-data is not a certificate',
      );
      expect(statuses(answer)).toMatchObject({ version: 'skipped', identity: 'skipped' });
      expect(sentSince(before).requests).toEqual([]);
    },
  );

  it.each([
    [
      'invalid base64 in both',
      { 'client-certificate-data': 'not base64 !!', 'client-key-data': 'nor this !!' },
      'client-certificate-data is not a certificate',
    ],
    [
      'a PEM block that is no certificate',
      {
        'client-certificate-data': fakePem('CERTIFICATE'),
        'client-key-data': fakePem('PRIVATE KEY'),
      },
      'client-certificate-data is not a certificate',
    ],
    [
      'a key that is no key',
      { 'client-key-data': fakePem('PRIVATE KEY') },
      'client-key-data is not a private key',
    ],
    ['a certificate without its key', { 'client-key-data': undefined }, 'needs both'],
  ])(
    'when the client certificate is %s, then identity fails in words and no certificate is sent',
    async (_what, userFields, words) => {
      const good = kube.credentials['kube-admin']?.certificate;
      const user: Record<string, unknown> = {
        'client-certificate-data': b64(good?.certPem ?? ''),
        'client-key-data': b64(good?.keyPem ?? ''),
        ...(userFields as Record<string, unknown>),
      };
      for (const [key, value] of Object.entries(user)) if (value === undefined) delete user[key];
      const before = mark();
      const { status, answer } = await check({
        api_server: kube.url,
        kubeconfig: admin({ certificate: undefined, userExtra: user }),
      });
      expect(status).toBe(200);
      expect(statuses(answer)).toMatchObject({
        reachable: 'ok',
        tls: 'ok',
        version: 'ok',
        identity: 'failed',
        permissions: 'skipped',
      });
      expect(find(answer, 'identity').message).toContain(words);
      expect(sentSince(before).clientCertificate).toBe(false);
    },
  );

  it.each([
    ['a token', { token: 'abc\r\nX-Injected: yes' }, 'token'],
    ['a token with a bare line feed', { token: 'abc\nX-Injected: yes' }, 'token'],
    [
      'an impersonated user name',
      { token: 'local-kube-token-deployer', as: 'admin\r\nX-Injected: yes' },
      'impersonation',
    ],
  ])(
    'when %s holds a line break, then identity fails in words and no header is sent',
    async (_what, userFields, words) => {
      const before = mark();
      const { status, answer } = await check({
        api_server: kube.url,
        kubeconfig: admin({ certificate: undefined, userExtra: userFields }),
      });
      expect(status).toBe(200);
      expect(find(answer, 'identity')).toMatchObject({ status: 'failed' });
      expect(find(answer, 'identity').message).toContain(words);
      expect(find(answer, 'identity').message).toContain('line break');
      expect(JSON.stringify(answer)).not.toContain('X-Injected');
      expect(sentSince(before).authorization).toBe(false);
    },
  );
});

interface MismatchAnswer extends CheckAnswer {
  server_mismatch: {
    kubeconfig_server: string | null;
    api_server: string;
    confirmed: boolean;
  } | null;
}

describe("a kubeconfig's credentials go only to its own server", () => {
  const field = () => `127.0.0.1:${kube.port}`;
  /** A kind or k3s kubeconfig: the cluster's own view of its server, not where the console reaches it. */
  const clustersOwnView = (
    user: 'kube-admin' | 'deployer' = 'kube-admin',
    server = 'https://127.0.0.1:6443',
  ) =>
    kubeconfigFor({
      server,
      caPem: kube.authority.certPem,
      certificate: kube.credentials[user]?.certificate,
      token: kube.credentials[user]?.token,
    });

  it("when the API server field is not the kubeconfig's server, then no client certificate reaches it, and the answer says why", async () => {
    const before = mark();
    const { status, answer } = await check({ api_server: kube.url, kubeconfig: clustersOwnView() });
    expect(status).toBe(200);
    expect(statuses(answer)).toEqual({
      reachable: 'ok',
      tls: 'ok',
      version: 'ok',
      identity: 'skipped',
      permissions: 'skipped',
    });
    const words = `credentials not sent: the kubeconfig is for 127.0.0.1:6443, the API server field is ${field()}`;
    expect(find(answer, 'identity').message).toContain(words);
    expect(answer.notes.join(' ')).toContain(
      `Credentials not sent: the kubeconfig is for 127.0.0.1:6443`,
    );
    expect((answer as MismatchAnswer).server_mismatch).toEqual({
      kubeconfig_server: '127.0.0.1:6443',
      api_server: field(),
      confirmed: false,
    });
    const sent = sentSince(before);
    expect(sent.requests.map((request) => request.path)).toEqual(['/version']);
    expect(sent.clientCertificate).toBe(false);
    expect(sent.authorization).toBe(false);
  });

  it("when only the host differs (localhost for 127.0.0.1), then no bearer token reaches the field's server", async () => {
    const before = mark();
    const { answer } = await check({
      api_server: kube.url,
      kubeconfig: clustersOwnView('deployer', `https://localhost:${kube.port}`),
    });
    expect(find(answer, 'identity').message).toContain(
      `the kubeconfig is for localhost:${kube.port}, the API server field is ${field()}`,
    );
    expect(sentSince(before).authorization).toBe(false);
  });

  it('when the kubeconfig names no server, then its credentials are not sent either', async () => {
    const config = JSON.parse(clustersOwnView('deployer')) as {
      clusters: { cluster: Record<string, unknown> }[];
    };
    delete config.clusters[0]?.cluster.server;
    const before = mark();
    const { answer } = await check({ api_server: kube.url, kubeconfig: JSON.stringify(config) });
    expect((answer as MismatchAnswer).server_mismatch).toMatchObject({ kubeconfig_server: null });
    expect(find(answer, 'identity').message).toContain('the kubeconfig names no server');
    expect(sentSince(before).authorization).toBe(false);
  });

  it("when the user confirms the field's host:port for this check, then the credentials reach it", async () => {
    const before = mark();
    const { status, answer } = await check({
      api_server: kube.url,
      kubeconfig: clustersOwnView(),
      confirm_credentials_for: field(),
    });
    expect(status).toBe(200);
    expect(statuses(answer)).toMatchObject({ identity: 'ok', permissions: 'ok' });
    expect(find(answer, 'identity').message).toContain('kube-admin');
    expect((answer as MismatchAnswer).server_mismatch).toEqual({
      kubeconfig_server: '127.0.0.1:6443',
      api_server: field(),
      confirmed: true,
    });
    expect(answer.notes.join(' ')).toContain(`Credentials sent to ${field()} as you confirmed`);
    expect(sentSince(before).clientCertificate).toBe(true);
  });

  it('when the confirmation names another address, then 400 naming the field, and nothing is contacted', async () => {
    const before = mark();
    const { status, answer } = await check({
      api_server: kube.url,
      kubeconfig: clustersOwnView(),
      confirm_credentials_for: '127.0.0.1:6443',
    });
    expect(status).toBe(400);
    expect(
      (answer as unknown as { metadata: Record<string, string> }).metadata.confirm_credentials_for,
    ).toContain(field());
    expect(sentSince(before).requests).toEqual([]);
  });

  it("when the kubeconfig's server is the field written another way (trailing slash), then credentials are sent as usual", async () => {
    const before = mark();
    const { answer } = await check({
      api_server: kube.url,
      kubeconfig: clustersOwnView('deployer', `${kube.url}/`),
    });
    expect((answer as MismatchAnswer).server_mismatch).toBeNull();
    expect(find(answer, 'identity').message).toContain('deployer');
    expect(sentSince(before).authorization).toBe(true);
  });
});
