import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApiErrorBodySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import type { HttpBrowser, HttpResult } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { rawRequest } from './support/raw-request';
import { startRecordingUpstream, type RecordingUpstream } from './support/recording-upstream';
import { readSession } from './support/session-inspection';
import { signIn } from './support/sign-in';
import { TokenLeakCheck } from './support/token-leaks';

/**
 * The proxy over real HTTP: BFF -> (recording hop) -> the real clusters API -> the real local
 * GitLab. The hop records what the BFF forwarded and what the clusters API answered.
 */
const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let listening: ListeningServer;
let stack: GitLabStack;
let upstream: RecordingUpstream;
let bff: TestBff;
let maintainer: HttpBrowser;
let developer: HttpBrowser;
const leaks = new TokenLeakCheck();
const responses: HttpResult[] = [];
const extraLogs: string[] = [];

async function accessTokenOf(browser: HttpBrowser): Promise<string> {
  const data = await readSession(bff.services.store, browser.jar);
  leaks.add(data?.tokens?.accessToken, data?.tokens?.refreshToken, data?.tokens?.idToken);
  return data?.tokens?.accessToken ?? '';
}

async function call(
  browser: HttpBrowser,
  path: string,
  init: Parameters<HttpBrowser['api']>[1] = {},
) {
  const response = await browser.api(`${bff.url}${path}`, init);
  responses.push(response);
  return response;
}

const SESSION_SECRET = randomBytes(32).toString('base64url');

function bffEnv(): Record<string, string> {
  return { GITLAB_URL: stack.gitlabUrl, CLUSTERS_API_URL: upstream.url, SESSION_SECRET };
}

function expectError(response: { status: number; body: string }, code: number, reason: string) {
  expect(response.status).toBe(code);
  return expect(ApiErrorBodySchema.parse(JSON.parse(response.body))).toMatchObject({
    code,
    reason,
  });
}

beforeAll(async () => {
  listening = await listenOnFreePort();
  stack = await startGitLabStack({ redirectUris: [`${listening.url}/auth/callback`] });
  upstream = await startRecordingUpstream(stack.clustersApiUrl);
  bff = await startBff({ listening, env: bffEnv() });
  maintainer = (await signIn(bff.url, { username: 'maintainer', password: 'maintainer' })).browser;
  developer = (await signIn(bff.url, { username: 'developer', password: 'developer' })).browser;
  responses.push(...maintainer.history, ...developer.history);
  await accessTokenOf(maintainer);
  await accessTokenOf(developer);
});

afterAll(async () => {
  await bff?.close();
  await upstream?.close();
  await stack?.stop();
});

beforeEach(() => {
  upstream.exchanges.length = 0;
});

describe('the clusters proxy', () => {
  it('when the maintainer registers a cluster and lists, then both reach the clusters API with the session bearer', async () => {
    const save = await call(maintainer, '/api/v1/clusters/cluster-host?insecure_skip_check=true', {
      method: 'POST',
      json: hostCluster,
      // The browser's other cookies and its Origin come along; the cookies must not go upstream.
      headers: { cookie: `${maintainer.jar.header(new URL(bff.url))}; extra=1`, origin: bff.url },
    });
    expect(save.status).toBe(200);
    expect(save.json()).toEqual({ message: 'Successfully saved cluster-host cluster' });

    const list = await call(maintainer, '/api/v1/clusters');
    expect(list.status).toBe(200);
    expect(list.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toContain(
      'cluster-host',
    );
    expect(list.headers.get('cache-control')).toBe('no-store');

    const token = await accessTokenOf(maintainer);
    expect(upstream.exchanges.map((exchange) => `${exchange.method} ${exchange.url}`)).toEqual([
      'POST /api/v1/clusters/cluster-host?insecure_skip_check=true',
      'GET /api/v1/clusters',
    ]);
    for (const exchange of upstream.exchanges) {
      expect(exchange.headers.authorization).toBe(`Bearer ${token}`);
      expect(exchange.headers.cookie).toBeUndefined();
      expect(exchange.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    }
    expect(JSON.parse(upstream.exchanges[0]?.requestBody ?? '{}')).toEqual(hostCluster);
    // Passed through unchanged.
    expect(list.body).toBe(upstream.exchanges[1]?.responseBody);
  });

  it('when the list is filtered, then the query string reaches the clusters API as sent', async () => {
    const filtered = await call(maintainer, '/api/v1/clusters?field_selector=usage%3Dworker');
    expect(filtered.status).toBe(200);
    expect(filtered.json()).toEqual({ items: [] });
    expect(upstream.exchanges[0]?.url).toBe('/api/v1/clusters?field_selector=usage%3Dworker');

    const invalid = await call(maintainer, '/api/v1/clusters?field_selector=color%3Dblue');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toBe(upstream.exchanges[1]?.responseBody);
  });

  it("when a developer registers a cluster, then the clusters API's 403 comes back unchanged", async () => {
    const save = await call(developer, '/api/v1/clusters/cluster-dev', {
      method: 'POST',
      json: hostCluster,
    });
    expectError(save, 403, 'NO_AUTHORIZATION');
    expect(save.body).toBe(upstream.exchanges[0]?.responseBody);
    expect(upstream.exchanges[0]?.headers.authorization).toBe(
      `Bearer ${await accessTokenOf(developer)}`,
    );
  });

  it("when a request brings its own Authorization header, then the session's token is sent instead", async () => {
    const save = await call(developer, '/api/v1/clusters/cluster-dev', {
      method: 'POST',
      json: hostCluster,
      headers: { authorization: 'Bearer glpat-local-maintainer' },
    });
    expectError(save, 403, 'NO_AUTHORIZATION');
    expect(upstream.exchanges[0]?.headers.authorization).toBe(
      `Bearer ${await accessTokenOf(developer)}`,
    );

    // Without a session, a personal access token in the header gets nowhere at all.
    const anonymous = await rawRequest(
      bff.url,
      'POST',
      '/api/v1/clusters/cluster-dev',
      {
        authorization: 'Bearer glpat-local-maintainer',
        'x-requested-with': 'cluster-console',
        'content-type': 'application/json',
      },
      JSON.stringify(hostCluster),
    );
    expectError(anonymous, 401, 'UNAUTHENTICATED');
    expect(upstream.exchanges).toHaveLength(1);
  });

  it('when a state-changing call lacks the CSRF header or comes from another origin, then 403 and nothing reaches upstream', async () => {
    const noHeader = await maintainer.request(`${bff.url}/api/v1/clusters/cluster-csrf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hostCluster),
    });
    const foreign = await call(maintainer, '/api/v1/clusters/cluster-host', {
      method: 'DELETE',
      headers: { origin: 'https://evil.example' },
    });
    const formPost = await maintainer.request(`${bff.url}/api/v1/clusters/cluster-csrf`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: 'api_server=x',
    });
    responses.push(noHeader, formPost);
    for (const response of [noHeader, foreign, formPost])
      expectError(response, 403, 'CSRF_REJECTED');
    expect(upstream.exchanges).toEqual([]);
    const list = await call(maintainer, '/api/v1/clusters');
    const names = list.json<{ items: { name: string }[] }>().items.map((item) => item.name);
    expect(names).toContain('cluster-host');
    expect(names).not.toContain('cluster-csrf');
  });

  it('when a body is over 1 MiB, then 413 PAYLOAD_TOO_LARGE and nothing reaches upstream', async () => {
    const big = JSON.stringify({ ...hostCluster, kubeconfig: 'x'.repeat(1024 * 1024) });
    const declared = await call(maintainer, '/api/v1/clusters/cluster-big', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expectError(declared, 413, 'PAYLOAD_TOO_LARGE');

    // Chunked, no Content-Length: counted as it streams.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 24) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const streamed = await call(maintainer, '/api/v1/clusters/cluster-big', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
    }).catch((error: unknown) => error);
    if (streamed instanceof Error) throw streamed;
    expectError(streamed as HttpResult, 413, 'PAYLOAD_TOO_LARGE');
    expect(upstream.exchanges.filter((exchange) => exchange.url.includes('cluster-big'))).toEqual(
      [],
    );
    expect((await call(maintainer, '/api/v1/clusters/cluster-big')).status).toBe(404);
  });

  it('when a body is under 1 MiB and chunked, then it is forwarded whole', async () => {
    const body = new TextEncoder().encode(JSON.stringify(hostCluster));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.slice(0, 100));
        controller.enqueue(body.slice(100));
        controller.close();
      },
    });
    const save = await call(maintainer, '/api/v1/clusters/cluster-chunked', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
    });
    expect(save.status).toBe(200);
    expect(JSON.parse(upstream.exchanges[0]?.requestBody ?? '{}')).toEqual(hostCluster);
    expect(
      (await call(maintainer, '/api/v1/clusters/cluster-chunked', { method: 'DELETE' })).status,
    ).toBe(200);
  });

  it('when the clusters API is down or silent, then 502 UPSTREAM_UNAVAILABLE in the error shape, fast', async () => {
    // Same store and services, so the maintainer's session is valid here too.
    const closed = await listenOnFreePort();
    const closedUrl = closed.url;
    await closed.close();
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    // Same store, services and secret: the maintainer's session is valid on these too.
    const shared = { services: bff.services };
    const down = await startBff({ ...shared, env: { ...bffEnv(), CLUSTERS_API_URL: closedUrl } });
    const slow = await startBff({
      ...shared,
      env: {
        ...bffEnv(),
        CLUSTERS_API_URL: `http://127.0.0.1:${silentPort}`,
        UPSTREAM_TIMEOUT: '1',
      },
    });
    try {
      let started = Date.now();
      const refused = await maintainer.api(`${down.url}/api/v1/clusters`);
      responses.push(refused);
      expect(Date.now() - started).toBeLessThan(1_000);
      expectError(refused, 502, 'UPSTREAM_UNAVAILABLE');
      expect(refused.json<{ message: string }>().message).toMatch(/not reachable/);

      started = Date.now();
      const timedOut = await maintainer.api(`${slow.url}/api/v1/clusters`);
      responses.push(timedOut);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(3_000);
      expectError(timedOut, 502, 'UPSTREAM_UNAVAILABLE');
    } finally {
      extraLogs.push(down.rawLogs(), slow.rawLogs());
      await down.close();
      await slow.close();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('when the browser gives up on calls the clusters API is slow to answer, then each is logged once, as aborted', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    const waiting = await startBff({
      services: bff.services,
      env: {
        ...bffEnv(),
        CLUSTERS_API_URL: `http://127.0.0.1:${silentPort}`,
        UPSTREAM_TIMEOUT: '5',
      },
    });
    try {
      const cookie = maintainer.jar.header(new URL(bff.url)) ?? '';
      // The first call goes through the full chain (it rolls the session), the second through
      // the API fast lane: both log the same way.
      const ids = ['aborted-call-full', 'aborted-call-fast'];
      for (const id of ids) {
        const controller = new AbortController();
        const call = fetch(`${waiting.url}/api/v1/clusters`, {
          headers: { cookie, 'x-request-id': id },
          signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 300);
        await expect(call).rejects.toThrow();
      }
      const deadline = Date.now() + 3_000;
      const linesOf = (id: string) => waiting.logs().filter((line) => line.reqId === id);
      while (ids.some((id) => linesOf(id).length === 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      for (const id of ids) {
        expect(linesOf(id)).toEqual([
          expect.objectContaining({ msg: 'request', user: 'maintainer', aborted: true }),
        ]);
      }
    } finally {
      extraLogs.push(waiting.rawLogs());
      await waiting.close();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('when a signed-in session reads twice in a row, then the first read rolls the session and the second goes straight through', async () => {
    const reader = (await signIn(bff.url, { username: 'developer', password: 'developer' }))
      .browser;
    responses.push(...reader.history);
    const first = await call(reader, '/api/v1/clusters');
    const second = await call(reader, '/api/v1/clusters/cluster-host');
    expect([first.status, second.status]).toEqual([200, 200]);
    // express-session ran for the first (rolling cookie) and not for the second.
    expect(first.headers.getSetCookie()).toHaveLength(1);
    expect(second.headers.getSetCookie()).toEqual([]);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(second.headers.get('x-frame-options')).toBe('DENY');

    const token = await accessTokenOf(reader);
    const forwarded = upstream.exchanges.at(-1);
    expect(forwarded?.url).toBe('/api/v1/clusters/cluster-host');
    expect(forwarded?.headers.authorization).toBe(`Bearer ${token}`);
    expect(forwarded?.headers.cookie).toBeUndefined();
    expect(forwarded?.headers['x-request-id']).toBe(second.headers.get('x-request-id'));
    expect(second.body).toBe(forwarded?.responseBody);
    const logged = bff.logs().find((line) => line.reqId === second.headers.get('x-request-id'));
    expect(logged).toMatchObject({ msg: 'request', user: 'developer', status: 200 });
  });

  it('when the roll interval has passed, then a read rolls the session again; once signed out, its cookie reads nothing', async () => {
    // A second instance on the same store, with a 10 s idle timeout: it rolls every second.
    const quick = await startBff({
      env: { ...bffEnv(), SESSION_IDLE_TIMEOUT: '10' },
      services: bff.services,
    });
    try {
      const reader = (await signIn(bff.url, { username: 'developer', password: 'developer' }))
        .browser;
      responses.push(...reader.history);
      const signedInCookie = reader.jar.header(new URL(bff.url)) ?? '';
      // The jar sends the session cookie to any port of 127.0.0.1, like a browser.
      const read = async () => {
        const response = await reader.api(`${quick.url}/api/v1/clusters`);
        responses.push(response);
        return { status: response.status, rolled: response.headers.getSetCookie().length > 0 };
      };
      expect(await read()).toEqual({ status: 200, rolled: true });
      expect(await read()).toEqual({ status: 200, rolled: false });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await read()).toEqual({ status: 200, rolled: true });
      expect(await read()).toEqual({ status: 200, rolled: false });

      expect((await call(reader, '/auth/logout', { method: 'POST' })).status).toBe(204);
      const afterLogout = await rawRequest(quick.url, 'GET', '/api/v1/clusters', {
        cookie: signedInCookie,
      });
      expectError(afterLogout, 401, 'UNAUTHENTICATED');
    } finally {
      extraLogs.push(quick.rawLogs());
      await quick.close();
    }
  });

  it('when requests go through the proxy, then each is logged once with the user and no secrets', () => {
    const lines = bff
      .logs()
      .filter((line) => line.msg === 'request' && String(line.path).startsWith('/api/'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).toMatchObject({
        method: expect.any(String) as string,
        status: expect.any(Number) as number,
      });
      expect(typeof line.reqId).toBe('string');
    }
    expect(lines.some((line) => line.user === 'maintainer')).toBe(true);
    expect(lines.some((line) => line.user === 'developer')).toBe(true);
    const raw = bff.rawLogs();
    expect(raw).not.toMatch(
      /cluster_console_session=|glpat-|kubeconfig|BEGIN CERTIFICATE|Bearer /i,
    );
  });

  it('when every response of this file is searched, then no GitLab token appears, nor in the logs', () => {
    expect(leaks.size).toBeGreaterThanOrEqual(4);
    expect(leaks.findLeaks(responses, [bff.rawLogs(), ...extraLogs].join('\n'))).toEqual([]);
  });
});
