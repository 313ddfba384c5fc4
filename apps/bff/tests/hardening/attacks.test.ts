/**
 * Attacks on the console, over real HTTP against the real stack: cross-site requests, session
 * fixation, open redirects through returnTo, replayed revoked tokens, expired sessions, tokens
 * offered in a query string, framing, floods, and requests for paths and methods the proxy
 * must not forward. No answer and no log may show a secret.
 */
import { ApiErrorBodySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBff } from '../support/bff';
import { HttpBrowser, type HttpResult } from '../support/http-browser';
import { rawRequest, type RawResponse } from '../support/raw-request';
import { startRecordingUpstream, type RecordingUpstream } from '../support/recording-upstream';
import { readSession } from '../support/session-inspection';
import { signIn } from '../support/sign-in';
import { startHardeningStack, type HardeningStack } from './support/hardening-stack';
import { markedHostBody } from './support/kubeconfigs';
import { SecretLeakScan } from './support/secret-leaks';
import { readKubeconfigs, remoteHead } from './support/tenant-store';

const COOKIE = 'cluster_console_session';
let stack: HardeningStack;
let maintainer: HttpBrowser;
let guarded: TestBff;
let recording: RecordingUpstream;
const scan = new SecretLeakScan();

function expectError(response: HttpResult | RawResponse, code: number, reason: string) {
  expect(response.status).toBe(code);
  const error = ApiErrorBodySchema.parse(JSON.parse(response.body));
  expect(error).toMatchObject({ code, reason });
  return error;
}

async function signedIn(username: string, bffUrl = stack.bff.url): Promise<HttpBrowser> {
  const { browser } = await signIn(bffUrl, { username, password: username });
  scan.watch(browser);
  if (bffUrl === stack.bff.url) await scan.addSessionTokens(stack.bff.services.store, browser);
  return browser;
}

function cookieHeader(value: string): Record<string, string> {
  return { cookie: `${COOKIE}=${value}` };
}

async function raw(
  bffUrl: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  const sized =
    body === undefined
      ? headers
      : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  const response = await rawRequest(bffUrl, method, target, sized, body);
  scan.record(`${method} ${target}`, response);
  return response;
}

/** Calls the clusters API directly, as an attacker holding a token would. */
async function direct(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(stack.clustersApiUrl, 'GET', path, headers);
}

beforeAll(async () => {
  stack = await startHardeningStack({
    bffEnv: { MUTATION_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' },
    spareBffs: 4,
  });
  maintainer = await signedIn('maintainer');
  const existing = markedHostBody('attacked');
  scan.addKubeconfig(existing.secrets.kubeconfig, existing.secrets.secrets);
  const saved = await maintainer.api(`${stack.bff.url}/api/v1/clusters/attacked-host`, {
    method: 'POST',
    json: existing.body,
  });
  expect(saved.status).toBe(200);
  recording = await startRecordingUpstream(stack.clustersApiUrl);
  guarded = await stack.startSpareBff({ CLUSTERS_API_URL: recording.url });
});

afterAll(async () => {
  await recording?.close();
  await stack?.close();
});

describe('CSRF', () => {
  it('when a signed-in browser is made to change something without the header or from another origin, then 403 CSRF_REJECTED and nothing changes', async () => {
    const head = remoteHead(stack.gitlabUrl, 'glpat-local-maintainer');
    const cookie = maintainer.jar.header(new URL(stack.bff.url)) ?? '';
    const json = { cookie, 'content-type': 'application/json' };
    const body = JSON.stringify(markedHostBody('csrf').body);
    const attempts: [string, string, Record<string, string>, string?][] = [
      ['POST', '/api/v1/clusters/csrf-one', json, body],
      ['POST', '/api/v1/clusters/csrf-one', { ...json, 'content-type': 'text/plain' }, body],
      [
        'POST',
        '/api/v1/clusters/csrf-one',
        { ...json, 'content-type': 'application/x-www-form-urlencoded' },
        'api_server=https%3A%2F%2Fa',
      ],
      [
        'POST',
        '/api/v1/clusters/csrf-one',
        { ...json, 'x-requested-with': 'XMLHttpRequest' },
        body,
      ],
      ['DELETE', '/api/v1/clusters/attacked-host', { cookie }],
      [
        'DELETE',
        '/api/v1/clusters/attacked-host',
        { cookie, origin: 'https://evil.example', 'x-requested-with': 'cluster-console' },
      ],
      [
        'DELETE',
        '/api/v1/clusters/attacked-host',
        { cookie, origin: 'null', 'x-requested-with': 'cluster-console' },
      ],
      [
        'DELETE',
        '/api/v1/clusters/attacked-host',
        {
          cookie,
          origin: `http://127.0.0.1:${Number(new URL(stack.bff.url).port) + 1}`,
          'x-requested-with': 'cluster-console',
        },
      ],
      [
        'DELETE',
        '/api/v1/clusters/attacked-host',
        {
          cookie,
          origin: stack.bff.url.replace('127.0.0.1', 'localhost'),
          'x-requested-with': 'cluster-console',
        },
      ],
      ['POST', '/auth/logout', { cookie }],
      [
        'POST',
        '/auth/logout',
        { cookie, origin: 'https://evil.example', 'x-requested-with': 'cluster-console' },
      ],
    ];
    for (const [method, target, headers, payload] of attempts)
      expectError(await raw(stack.bff.url, method, target, headers, payload), 403, 'CSRF_REJECTED');

    expect(remoteHead(stack.gitlabUrl, 'glpat-local-maintainer')).toBe(head);
    expect((await maintainer.api(`${stack.bff.url}/auth/session`)).status).toBe(200);
    expect((await maintainer.api(`${stack.bff.url}/api/v1/clusters/attacked-host`)).status).toBe(
      200,
    );
  });
});

describe('session fixation', () => {
  it('when an attacker plants a pre-sign-in session cookie and the victim signs in with it, then the planted cookie is worth nothing', async () => {
    const attacker = new HttpBrowser();
    scan.watch(attacker);
    await attacker.request(`${stack.bff.url}/auth/login?returnTo=/`);
    const planted = attacker.jar.get(COOKIE)?.value;
    expect(planted).toBeDefined();

    const victim = new HttpBrowser();
    scan.watch(victim);
    victim.jar.store(new URL(stack.bff.url), [`${COOKIE}=${planted ?? ''}; Path=/; HttpOnly`]);
    await signIn(stack.bff.url, { username: 'developer', password: 'developer', browser: victim });
    const issued = victim.jar.get(COOKIE)?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await victim.api(`${stack.bff.url}/auth/session`)).status).toBe(200);

    for (const response of [
      await raw(stack.bff.url, 'GET', '/auth/session', cookieHeader(planted ?? '')),
      await raw(stack.bff.url, 'GET', '/api/v1/clusters', cookieHeader(planted ?? '')),
    ])
      expectError(response, 401, 'UNAUTHENTICATED');
  });

  it('when a made-up or tampered session cookie is sent, then it is not accepted', async () => {
    const real = maintainer.jar.get(COOKIE)?.value ?? '';
    const tampered = real.replace(/.(?=\.)/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const value of ['s%3Aforged.signature', 'forged', tampered, `${real}x`])
      expectError(
        await raw(stack.bff.url, 'GET', '/auth/session', cookieHeader(value)),
        401,
        'UNAUTHENTICATED',
      );
  });
});

describe('open redirect through returnTo', () => {
  it.each([
    '//evil.example',
    '//evil.example/clusters',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http:evil.example',
    'https:/\\evil.example',
    '%2F%2Fevil.example',
    '/.//evil.example',
    '/..//evil.example',
    '///evil.example',
    '/\t/evil.example',
    ' //evil.example',
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/auth/login?returnTo=//evil.example',
    '/auth/callback',
  ])(
    'when sign-in is asked to return to %j, then the browser lands on this console, not elsewhere',
    async (returnTo) => {
      const browser = new HttpBrowser(maintainer.jar);
      const { landedOn } = await signIn(stack.bff.url, {
        username: 'maintainer',
        password: 'maintainer',
        returnTo,
        browser,
      });
      scan.watch(browser);
      expect(landedOn.origin).toBe(new URL(stack.bff.url).origin);
      expect(landedOn.href).toBe(`${new URL(stack.bff.url).origin}/`);
    },
  );

  it('when returnTo is a plain local path with a query, then the browser gets there', async () => {
    const browser = new HttpBrowser(maintainer.jar);
    const { landedOn } = await signIn(stack.bff.url, {
      username: 'maintainer',
      password: 'maintainer',
      returnTo: '/clusters/attacked-host?tab=1',
      browser,
    });
    expect(landedOn.href).toBe(`${new URL(stack.bff.url).origin}/clusters/attacked-host?tab=1`);
  });
});

describe('stolen, revoked and expired credentials', { concurrent: true }, () => {
  it('when a revoked access token that was never used is replayed at the clusters API, then 401 at once', async () => {
    const browser = await signedIn('developer');
    const token =
      (await readSession(stack.bff.services.store, browser.jar))?.tokens?.accessToken ?? '';
    scan.addSecret('access token', token);
    expect((await browser.api(`${stack.bff.url}/auth/logout`, { method: 'POST' })).status).toBe(
      204,
    );
    expectError(
      await direct('/api/v1/clusters', { authorization: `Bearer ${token}` }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await raw(stack.gitlabUrl, 'GET', '/api/v4/user', { authorization: `Bearer ${token}` }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('when a revoked access token that was in use is replayed at the clusters API, then a write never lands and reads stop once its permission cache (5 s) has passed', async () => {
    const browser = await signedIn('maintainer');
    const token =
      (await readSession(stack.bff.services.store, browser.jar))?.tokens?.accessToken ?? '';
    const cookie = browser.jar.header(new URL(stack.bff.url)) ?? '';
    const bearer = { authorization: `Bearer ${token}` };
    expect((await direct('/api/v1/clusters', bearer)).status).toBe(200);
    expect((await browser.api(`${stack.bff.url}/auth/logout`, { method: 'POST' })).status).toBe(
      204,
    );
    const revokedAt = Date.now();
    expectError(
      await raw(stack.bff.url, 'GET', '/api/v1/clusters', { cookie }),
      401,
      'UNAUTHENTICATED',
    );
    // Inside the window GitLab's earlier answers are reused, but GitLab refuses the push.
    const revoked = markedHostBody('revoked');
    scan.addKubeconfig(revoked.secrets.kubeconfig, revoked.secrets.secrets);
    const write = await raw(
      stack.clustersApiUrl,
      'POST',
      '/api/v1/clusters/revoked-write',
      { ...bearer, 'content-type': 'application/json' },
      JSON.stringify(revoked.body),
    );
    expectError(write, 401, 'UNAUTHENTICATED');
    expect(readKubeconfigs(stack.secretsDir, stack.secretsKey).has('revoked-write')).toBe(false);
    expect((await maintainer.api(`${stack.bff.url}/api/v1/clusters/revoked-write`)).status).toBe(
      404,
    );

    let answer = await direct('/api/v1/clusters', bearer);
    while (answer.status === 200 && Date.now() - revokedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await direct('/api/v1/clusters', bearer);
    }
    expectError(answer, 401, 'UNAUTHENTICATED');
    // The permission cache's 5 s, and room for the calls above on a loaded machine.
    expect(Date.now() - revokedAt).toBeLessThan(7_500);
  });

  it('when a session is past its absolute lifetime, then it is refused even while in use, and its cookie cannot be replayed', async () => {
    const short = await stack.startSpareBff({ SESSION_ABSOLUTE_TIMEOUT: '3' });
    const browser = await signedIn('maintainer', short.url);
    const cookie = browser.jar.header(new URL(short.url)) ?? '';
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 8_000) {
      status = (await browser.api(`${short.url}/api/v1/clusters`)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    expectError(await raw(short.url, 'GET', '/auth/session', { cookie }), 401, 'UNAUTHENTICATED');
  });

  it('when a session has been idle past its timeout, then its cookie is refused', async () => {
    const idle = await stack.startSpareBff({ SESSION_IDLE_TIMEOUT: '2' });
    const browser = await signedIn('developer', idle.url);
    const cookie = browser.jar.header(new URL(idle.url)) ?? '';
    expect((await raw(idle.url, 'GET', '/auth/session', { cookie })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expectError(await raw(idle.url, 'GET', '/auth/session', { cookie }), 401, 'UNAUTHENTICATED');
    expectError(await raw(idle.url, 'GET', '/api/v1/clusters', { cookie }), 401, 'UNAUTHENTICATED');
  });
});

describe('tokens offered in a query string', () => {
  it.each(['access_token', 'private_token', 'token', 'bearer'])(
    'when ?%s=<a maintainer token> is sent without a session, then neither the BFF, the clusters API nor GitLab lets it in',
    async (param) => {
      const query = `?${param}=glpat-local-maintainer`;
      expectError(
        await raw(stack.bff.url, 'GET', `/api/v1/clusters${query}`),
        401,
        'UNAUTHENTICATED',
      );
      expectError(await raw(stack.bff.url, 'GET', `/auth/session${query}`), 401, 'UNAUTHENTICATED');
      expectError(
        await raw(stack.bff.url, 'DELETE', `/api/v1/clusters/attacked-host${query}`, {
          'x-requested-with': 'cluster-console',
        }),
        401,
        'UNAUTHENTICATED',
      );
      expectError(await direct(`/api/v1/clusters${query}`), 401, 'UNAUTHENTICATED');
      expect((await raw(stack.gitlabUrl, 'GET', `/api/v4/user${query}`)).status).toBe(401);
    },
  );

  it("when a developer's session sends a maintainer's token in the query, then the developer's own rights apply", async () => {
    const developer = await signedIn('developer');
    const attempt = await developer.api(
      `${stack.bff.url}/api/v1/clusters/attacked-host?private_token=glpat-local-maintainer&access_token=glpat-local-maintainer`,
      { method: 'DELETE' },
    );
    expectError(attempt, 403, 'NO_AUTHORIZATION');
    expect((await maintainer.api(`${stack.bff.url}/api/v1/clusters/attacked-host`)).status).toBe(
      200,
    );
  });
});

describe('clickjacking and other headers', () => {
  it.each([
    '/',
    '/clusters/attacked-host',
    '/sign-in',
    '/auth/session',
    '/api/v1/clusters',
    '/api/v1/nothing',
    '/healthz',
  ])(
    'when %s is served, then it may not be framed and its type may not be sniffed',
    async (target) => {
      const response = await raw(stack.bff.url, 'GET', target, {
        cookie: maintainer.jar.header(new URL(stack.bff.url)) ?? '',
      });
      expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('when an error is answered (CSRF refusal), then the same headers are there', async () => {
    const refused = await raw(stack.bff.url, 'POST', '/api/v1/clusters/x');
    expect(refused.status).toBe(403);
    expect(refused.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(refused.headers['x-frame-options']).toBe('DENY');
  });
});

describe('rate limiting', () => {
  it('when changes and sign-ins come too fast from one address, then 429 RATE_LIMITED in the error shape, with when to retry', async () => {
    const limited = await stack.startSpareBff({
      MUTATION_RATE_LIMIT: '5',
      LOGIN_RATE_LIMIT: '3',
      RATE_LIMIT_WINDOW: '60',
    });
    const changes: RawResponse[] = [];
    for (let i = 0; i < 7; i += 1)
      changes.push(
        await raw(limited.url, 'DELETE', '/api/v1/clusters/attacked-host', {
          'x-requested-with': 'cluster-console',
        }),
      );
    expect(changes.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const error = expectError(changes[5] as RawResponse, 429, 'RATE_LIMITED');
    expect(error.metadata.retry_after_seconds).toBe('60');
    expect(changes[5]?.headers.ratelimit).toBeDefined();
    // Reading is not a change: still answered.
    expectError(await raw(limited.url, 'GET', '/api/v1/clusters'), 401, 'UNAUTHENTICATED');

    const logins: RawResponse[] = [];
    for (let i = 0; i < 4; i += 1)
      logins.push(await raw(limited.url, 'GET', '/auth/login?returnTo=/'));
    expect(logins.map((response) => response.status)).toEqual([303, 303, 303, 429]);
    expectError(logins[3] as RawResponse, 429, 'RATE_LIMITED');
  });
});

describe('the proxy allow-list', () => {
  const paths = [
    '/api/v1/clusters/%2e%2e',
    '/api/v1/clusters/%2e%2e/%2e%2e/healthz',
    '/api/v1/clusters/..%2f..%2fopenapi.json',
    '/api/v1/clusters/%2E%2E%2F%2E%2E%2Fhealthz',
    '/api/v1/clusters/a%2Fb',
    '/api/v1/clusters/a%5cb',
    '/api/v1/clusters/x%00',
    '/api/v1/clusters/..',
    '/api/v1/clusters/x/../../../openapi.json',
    '/api/v1/clusters/./attacked-host',
    '//api/v1/clusters',
    '//api/v1/clusters/attacked-host',
    '/api/v1//clusters',
    '/api//v1/clusters',
    '/api/v1/clusters//attacked-host',
    '/api/v1/clusters/attacked-host/',
    '/api/v1/clusters/attacked-host/x',
    '/api/v1/clusters/attacked-host;x=1',
    '/api/v1/%63lusters',
    '/%61pi/v1/clusters',
    '/API/V1/CLUSTERS',
    '/api/v1/openapi.json',
    '/api/healthz',
    '/api/v2/clusters',
    'http://evil.example/api/v1/clusters',
    'http://127.0.0.1:1/api/v1/clusters',
  ];
  it.each(paths)(
    'when GET %s is asked for, then it is refused and nothing is forwarded',
    async (target) => {
      const before = recording.exchanges.length;
      const response = await raw(guarded.url, 'GET', target, {
        cookie: maintainer.jar.header(new URL(guarded.url)) ?? '',
      });
      expect(recording.exchanges.slice(before)).toEqual([]);
      expect(response.body).not.toMatch(/"api_server"|"items"/);
      if (String(response.headers['content-type']).startsWith('text/html')) {
        // Not under /api: the SPA's page (or its "not built" page), never an API answer.
        expect([200, 503]).toContain(response.status);
      } else {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        ApiErrorBodySchema.parse(JSON.parse(response.body));
      }
    },
  );

  it.each([
    ['PUT', '/api/v1/clusters/attacked-host'],
    ['PATCH', '/api/v1/clusters/attacked-host'],
    ['OPTIONS', '/api/v1/clusters/attacked-host'],
    ['HEAD', '/api/v1/clusters/attacked-host'],
    ['TRACE', '/api/v1/clusters'],
    ['PROPFIND', '/api/v1/clusters'],
    ['POST', '/api/v1/clusters'],
    ['DELETE', '/api/v1/clusters'],
    ['PUT', '/api/v1/clusters//attacked-host'],
    ['DELETE', '/api/v1/clusters/%2e%2e'],
    ['POST', '//api/v1/clusters/attacked-host'],
  ])(
    'when %s %s is asked for, then it is refused and nothing is forwarded',
    async (method, target) => {
      const before = recording.exchanges.length;
      const response = await raw(
        guarded.url,
        method,
        target,
        {
          cookie: maintainer.jar.header(new URL(guarded.url)) ?? '',
          'x-requested-with': 'cluster-console',
          'content-type': 'application/json',
        },
        method === 'HEAD' || method === 'OPTIONS' || method === 'TRACE' ? undefined : '{}',
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      if (method !== 'HEAD') ApiErrorBodySchema.parse(JSON.parse(response.body));
      expect(recording.exchanges.slice(before)).toEqual([]);
    },
  );

  it('when the allowed routes are asked for, then they are forwarded (so the refusals above are not the upstream being down)', async () => {
    const before = recording.exchanges.length;
    const browser = await signedIn('maintainer', guarded.url);
    expect((await browser.api(`${guarded.url}/api/v1/clusters`)).status).toBe(200);
    expect((await browser.api(`${guarded.url}/api/v1/clusters/attacked-host`)).status).toBe(200);
    expect(recording.exchanges.slice(before).map((e) => `${e.method} ${e.url}`)).toEqual([
      'GET /api/v1/clusters',
      'GET /api/v1/clusters/attacked-host',
    ]);
  });
});

describe('secrets stay secret', () => {
  it('when every answer and every log line of this file is searched, then no token and no part of a kubeconfig appears', async () => {
    await scan.addSessionTokens(stack.bff.services.store, maintainer);
    expect(scan.secretCount).toBeGreaterThan(10);
    expect(scan.findLeaks(`${stack.logs()}\n${guarded.rawLogs()}`)).toEqual([]);
  });
});
