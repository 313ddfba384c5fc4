import { ApiErrorBodySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import { HttpBrowser, type HttpResult } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { startRedisServer, type RunningRedis } from '../../../scripts/lib/redis-server';
import { readSession, sessionIdFromCookie } from './support/session-inspection';
import { signIn } from './support/sign-in';
import { TokenLeakCheck } from './support/token-leaks';

/**
 * The session over real HTTP against the real local GitLab (short token lifetime, so refresh
 * can be tested) and clusters API; once with the memory store, once with a real Redis.
 */
const ACCESS_TOKEN_TTL_SECONDS = 3;
const COOKIE = 'cluster_console_session';
const STORES = ['memory', 'redis'] as const;
const SERVERS = [...STORES, 'shared'] as const;

let stack: GitLabStack;
let redis: RunningRedis | undefined;
const servers = new Map<(typeof SERVERS)[number], ListeningServer>();
const leaks = new TokenLeakCheck();
const responses: HttpResult[] = [];
const bffLogs: string[] = [];

beforeAll(async () => {
  for (const name of SERVERS) servers.set(name, await listenOnFreePort());
  stack = await startGitLabStack({
    redirectUris: [...servers.values()].map((server) => `${server.url}/auth/callback`),
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
  });
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()));
  await stack?.stop();
  await redis?.stop();
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe.each(STORES)('sessions with the %s store', (storeKind) => {
  let bff: TestBff;

  beforeAll(async () => {
    const env: Record<string, string> = {
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
      // Refresh only once the token has really expired, so the tests control when.
      TOKEN_REFRESH_SKEW: '0',
    };
    if (storeKind === 'redis') {
      redis ??= await startRedisServer();
      env.REDIS_URL = redis.url;
    }
    bff = await startBff({ env, listening: servers.get(storeKind) });
    expect(bff.services.storeKind).toBe(storeKind);
  });

  afterAll(async () => {
    if (!bff) return;
    bffLogs.push(bff.rawLogs());
    await bff.close();
  });

  async function signedIn(username = 'maintainer', returnTo = '/') {
    const result = await signIn(bff.url, { username, password: username, returnTo });
    responses.push(...result.browser.history);
    const data = await readSession(bff.services.store, result.browser.jar);
    leaks.add(data?.tokens?.accessToken, data?.tokens?.refreshToken, data?.tokens?.idToken);
    return { ...result, tokens: data?.tokens };
  }

  async function call(
    browser: HttpBrowser,
    path: string,
    init: Parameters<HttpBrowser['api']>[1] = {},
  ) {
    const response = await browser.api(`${bff.url}${path}`, init);
    responses.push(response);
    const data = await readSession(bff.services.store, browser.jar);
    leaks.add(data?.tokens?.accessToken, data?.tokens?.refreshToken);
    return response;
  }

  async function waitForExpiry(expiresAt: number | undefined) {
    expect(expiresAt).toBeTypeOf('number');
    await sleep(Math.max(0, (expiresAt ?? 0) - Date.now()) + 250);
  }

  it('when a user signs in over HTTP, then /auth/session shows the user, with a new opaque HttpOnly cookie', async () => {
    const browser = new HttpBrowser();
    const login = await browser.request(
      `${bff.url}/auth/login?returnTo=${encodeURIComponent('/clusters?sort=name')}`,
    );
    responses.push(login);
    expect(login.status).toBe(303);
    const authorize = new URL(login.location ?? '');
    expect(authorize.origin).toBe(stack.gitlabUrl);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('scope')).toBe('openid profile email api');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${bff.url}/auth/callback`);
    const before = browser.jar.get(COOKIE);
    expect(before).toBeDefined();

    const result = await signIn(bff.url, {
      username: 'maintainer',
      password: 'maintainer',
      browser,
      returnTo: '/clusters?sort=name',
    });
    responses.push(...result.browser.history);
    expect(result.landedOn.pathname + result.landedOn.search).toBe('/clusters?sort=name');

    const after = browser.jar.get(COOKIE);
    expect(after).toBeDefined();
    expect(sessionIdFromCookie(after?.value ?? '')).not.toBe(
      sessionIdFromCookie(before?.value ?? ''),
    );
    expect(after?.httpOnly).toBe(true);
    expect(after?.sameSite).toBe('Lax');
    expect(after?.path).toBe('/');
    expect(after?.secure).toBe(false);
    expect(after?.raw).not.toMatch(/domain=/i);
    expect(after?.expiresAt).toBeGreaterThan(Date.now());

    const data = await readSession(bff.services.store, browser.jar);
    leaks.add(data?.tokens?.accessToken, data?.tokens?.refreshToken, data?.tokens?.idToken);
    expect(data?.tokens?.accessToken).toBeTruthy();
    // The cookie is only an id: no token in it.
    expect(after?.value).not.toContain(data?.tokens?.accessToken ?? '-');

    const session = await call(browser, '/auth/session');
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect(session.json()).toEqual({
      user: {
        username: 'maintainer',
        name: expect.any(String) as string,
        email: expect.stringContaining('@') as string,
        avatar_url: expect.stringMatching(/^https?:\/\//) as string,
      },
    });
    // The pre-login session is gone for good.
    const oldId = sessionIdFromCookie(before?.value ?? '');
    const old = await new Promise((resolve) =>
      bff.services.store.get(oldId, (_error, value) => resolve(value)),
    );
    expect(old).toBeFalsy();
  });

  it.each([
    ['//evil.example/x', '/'],
    ['https://evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/.//evil.example', '/'],
    ['/auth/login', '/'],
    ['/clusters/cluster-host', '/clusters/cluster-host'],
  ])(
    'when returnTo is %s, then after sign-in the browser lands on %s',
    async (returnTo, expected) => {
      const result = await signedIn('maintainer', returnTo);
      expect(`${result.landedOn.pathname}${result.landedOn.search}`).toBe(expected);
      expect(result.landedOn.origin).toBe(bff.url);
    },
  );

  it('when the callback arrives with an unknown state, then the browser lands on /sign-in?error=state_mismatch', async () => {
    const browser = new HttpBrowser();
    const response = await browser.request(`${bff.url}/auth/callback?code=abc&state=forged`);
    responses.push(response);
    expect(response.status).toBe(303);
    const location = new URL(response.location ?? '');
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe('state_mismatch');
    expect(browser.jar.get(COOKIE)).toBeUndefined();
  });

  it('when GitLab answers the callback with an error, then the browser lands on /sign-in with that error and its returnTo', async () => {
    const browser = new HttpBrowser();
    const login = await browser.request(`${bff.url}/auth/login?returnTo=%2Fclusters%2Fnew`);
    const state = new URL(login.location ?? '').searchParams.get('state') ?? '';
    const callback = await browser.request(
      `${bff.url}/auth/callback?error=access_denied&state=${encodeURIComponent(state)}`,
    );
    responses.push(login, callback);
    const location = new URL(callback.location ?? '');
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('returnTo')).toBe('/clusters/new');
    // The state was used up: replaying it fails.
    const replay = await browser.request(
      `${bff.url}/auth/callback?code=x&state=${encodeURIComponent(state)}`,
    );
    expect(new URL(replay.location ?? '').searchParams.get('error')).toBe('state_mismatch');
  });

  describe('once access tokens have expired', () => {
    // Three sessions expire together, so the suite waits for the token lifetime only once.
    let single: Awaited<ReturnType<typeof signedIn>>;
    let concurrent: Awaited<ReturnType<typeof signedIn>>;
    let revoked: Awaited<ReturnType<typeof signedIn>>;

    beforeAll(async () => {
      single = await signedIn();
      concurrent = await signedIn();
      revoked = await signedIn();
      // Revoke one grant behind the BFF's back, as a GitLab admin or the user might.
      const revoke = await fetch(`${stack.gitlabUrl}/oauth/revoke`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('cluster-console:cluster-console-local-secret').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          token: revoked.tokens?.refreshToken ?? '',
          token_type_hint: 'refresh_token',
        }),
      });
      expect(revoke.ok).toBe(true);
      await waitForExpiry(
        Math.max(...[single, concurrent, revoked].map((session) => session.tokens?.expiresAt ?? 0)),
      );
    });

    it('when the next API call comes, then the BFF refreshes first and the call succeeds', async () => {
      const before = bff.services.gitlab.stats.refreshGrants;
      const list = await call(single.browser, '/api/v1/clusters');
      expect(list.status).toBe(200);
      expect(list.json()).toHaveProperty('items');
      expect(bff.services.gitlab.stats.refreshGrants - before).toBe(1);
      const after = await readSession(bff.services.store, single.browser.jar);
      expect(after?.tokens?.accessToken).not.toBe(single.tokens?.accessToken);
      expect(after?.tokens?.refreshToken).not.toBe(single.tokens?.refreshToken);
      expect(after?.tokens?.expiresAt).toBeGreaterThan(Date.now());
    });

    it('when ten calls of one session arrive together, then exactly one refresh happens and all succeed', async () => {
      const before = bff.services.gitlab.stats.refreshGrants;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          call(concurrent.browser, index % 2 === 0 ? '/api/v1/clusters' : '/auth/session'),
        ),
      );
      expect(results.map((response) => response.status)).toEqual(Array(10).fill(200));
      expect(bff.services.gitlab.stats.refreshGrants - before).toBe(1);
      // The session goes on working: the rotated refresh token was kept, not the consumed one.
      expect((await call(concurrent.browser, '/auth/session')).status).toBe(200);
    });

    it('when GitLab refuses the refresh, then the session ends with 401 UNAUTHENTICATED', async () => {
      const response = await call(revoked.browser, '/api/v1/clusters');
      expect(response.status).toBe(401);
      expect(ApiErrorBodySchema.parse(response.json())).toMatchObject({
        code: 401,
        reason: 'UNAUTHENTICATED',
      });
      expect(response.headers.getSetCookie().join()).toMatch(new RegExp(`${COOKIE}=;`));
      expect(await readSession(bff.services.store, revoked.browser.jar)).toBeUndefined();
    });
  });

  it('when the user logs out, then the session is gone and GitLab no longer accepts the old access token', async () => {
    const { browser, tokens } = await signedIn();
    const accessToken = tokens?.accessToken ?? '';
    const accepted = await fetch(`${stack.gitlabUrl}/api/v4/user`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(accepted.status).toBe(200);
    const sessionId = sessionIdFromCookie(browser.jar.get(COOKIE)?.value ?? '');

    const withoutHeader = await browser.request(`${bff.url}/auth/logout`, { method: 'POST' });
    responses.push(withoutHeader);
    expect(withoutHeader.status).toBe(403);

    const logout = await call(browser, '/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(204);
    expect(logout.body).toBe('');
    expect(logout.headers.getSetCookie().join()).toMatch(
      new RegExp(`${COOKIE}=;.*Expires=Thu, 01 Jan 1970`),
    );
    expect(browser.jar.get(COOKIE)).toBeUndefined();
    const stored = await new Promise((resolve) =>
      bff.services.store.get(sessionId, (_error, value) => resolve(value)),
    );
    expect(stored).toBeFalsy();

    const rejected = await fetch(`${stack.gitlabUrl}/api/v4/user`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(rejected.status).toBe(401);
    expect((await call(browser, '/auth/session')).status).toBe(401);
  });

  it('when the old session cookie is replayed after logout, then it is not accepted', async () => {
    const { browser } = await signedIn();
    const cookie = browser.jar.get(COOKIE)?.value ?? '';
    await call(browser, '/auth/logout', { method: 'POST' });
    const replay = await browser.request(`${bff.url}/auth/session`, {
      headers: { cookie: `${COOKIE}=${cookie}` },
    });
    responses.push(replay);
    expect(replay.status).toBe(401);
  });
});

describe('a console served over https', () => {
  it('when sign-in starts behind a TLS proxy, then the cookie is __Host- prefixed, Secure, HttpOnly and SameSite=Lax', async () => {
    const publicUrl = 'https://console.example.test';
    const bff = await startBff({
      env: { GITLAB_URL: stack.gitlabUrl, PUBLIC_URL: publicUrl, TRUST_PROXY: 'loopback' },
    });
    try {
      const browser = new HttpBrowser();
      const login = await browser.request(`${bff.url}/auth/login`, {
        headers: { 'x-forwarded-proto': 'https' },
      });
      responses.push(login);
      expect(login.status).toBe(303);
      expect(new URL(login.location ?? '').searchParams.get('redirect_uri')).toBe(
        `${publicUrl}/auth/callback`,
      );
      const [setCookie = ''] = login.headers.getSetCookie();
      expect(setCookie).toMatch(/^__Host-cluster_console_session=s%3A/);
      expect(setCookie).toMatch(/; Path=\/(;|$)/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).not.toMatch(/Domain=/i);
      expect(login.headers.get('strict-transport-security')).toContain('max-age=');
      expect(login.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');

      const sameOrigin = await browser.request(`${bff.url}/auth/logout`, {
        method: 'POST',
        headers: {
          'x-requested-with': 'cluster-console',
          origin: publicUrl,
          'x-forwarded-proto': 'https',
        },
      });
      expect(sameOrigin.status).toBe(204);
      const httpOrigin = await browser.request(`${bff.url}/auth/logout`, {
        method: 'POST',
        headers: { 'x-requested-with': 'cluster-console', origin: 'http://console.example.test' },
      });
      expect(httpOrigin.status).toBe(403);
      responses.push(sameOrigin, httpOrigin);
    } finally {
      bffLogs.push(bff.rawLogs());
      await bff.close();
    }
  });
});

describe('sessions across two BFF instances sharing Redis', () => {
  it('when ten calls after expiry are spread over two instances, then both serve the session and GitLab sees one refresh', async () => {
    redis ??= await startRedisServer();
    const env = {
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
      REDIS_URL: redis.url,
      SESSION_SECRET: 'a-shared-session-secret-of-at-least-32-chars',
      TOKEN_REFRESH_SKEW: '0',
    };
    const a = await startBff({ env, listening: servers.get('shared') });
    // Same host, other port: the browser's cookie (host-only, port-agnostic) goes to both.
    const b = await startBff({ env });
    try {
      const { browser } = await signIn(a.url, { username: 'maintainer', password: 'maintainer' });
      responses.push(...browser.history);
      const data = await readSession(a.services.store, browser.jar);
      leaks.add(data?.tokens?.accessToken, data?.tokens?.refreshToken, data?.tokens?.idToken);
      const onB = await browser.api(`${b.url}/auth/session`);
      expect(onB.status).toBe(200);
      await sleep(Math.max(0, (data?.tokens?.expiresAt ?? 0) - Date.now()) + 250);

      const before = a.services.gitlab.stats.refreshGrants + b.services.gitlab.stats.refreshGrants;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          browser.api(`${index % 2 === 0 ? a.url : b.url}/api/v1/clusters`),
        ),
      );
      responses.push(...results);
      expect(results.map((response) => response.status)).toEqual(Array(10).fill(200));
      const after = a.services.gitlab.stats.refreshGrants + b.services.gitlab.stats.refreshGrants;
      expect(after - before).toBe(1);
      const refreshed = await readSession(b.services.store, browser.jar);
      leaks.add(refreshed?.tokens?.accessToken, refreshed?.tokens?.refreshToken);
      expect(refreshed?.tokens?.accessToken).not.toBe(data?.tokens?.accessToken);
    } finally {
      bffLogs.push(a.rawLogs(), b.rawLogs());
      await a.close();
      await b.close();
    }
  });
});

describe('no token reaches the browser', () => {
  it('when every response of this file is searched, then no access, refresh or ID token appears, nor in the logs', () => {
    expect(leaks.size).toBeGreaterThan(10);
    expect(responses.length).toBeGreaterThan(30);
    expect(leaks.findLeaks(responses, bffLogs.join('\n'))).toEqual([]);
  });
});
