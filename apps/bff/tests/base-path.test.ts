import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import { HttpBrowser } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { signIn } from './support/sign-in';

/**
 * The console under a base path (PUBLIC_URL=http://127.0.0.1:<port>/console/) over real HTTP,
 * against the real local GitLab and clusters API: the OAuth redirect URI, the session
 * cookie's Path, every redirect, the API and the SPA (index.html told its base path, deep
 * links) are under /console; nothing else is served but the probes at the root.
 */
const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const COOKIE = 'cluster_console_session';
const INDEX_HTML =
  '<!doctype html><html><head><base href="/" /><script type="module" src="./assets/app-1234.js"></script></head><body><div id="root"></div></body></html>';

let listening: ListeningServer;
let stack: GitLabStack;
let bff: TestBff;
let distDir: string;
/** http://127.0.0.1:<port>/console: what a browser is given. */
let base: string;
let origin: string;

beforeAll(async () => {
  listening = await listenOnFreePort();
  origin = listening.url;
  base = `${origin}/console`;
  stack = await startGitLabStack({ redirectUris: [`${base}/auth/callback`] });
  distDir = mkdtempSync(path.join(os.tmpdir(), 'bff-dist-'));
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(distDir, 'assets', 'app-1234.js'), 'console.log(1)');
  bff = await startBff({
    listening,
    env: {
      PUBLIC_URL: `${base}/`,
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
      WEB_DIST_DIR: distDir,
    },
  });
});

afterAll(async () => {
  await bff?.close();
  await stack?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

describe('the console under /console', () => {
  it('when sign-in starts, then GitLab is asked to come back to /console/auth/callback and the cookie is for /console only', async () => {
    const browser = new HttpBrowser();
    const login = await browser.request(
      `${base}/auth/login?returnTo=${encodeURIComponent('/clusters?sort=name')}`,
    );
    expect(login.status).toBe(303);
    const authorize = new URL(login.location ?? '');
    expect(authorize.origin).toBe(stack.gitlabUrl);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/auth/callback`);
    expect(browser.jar.get(COOKIE)?.path).toBe('/console');

    const result = await signIn(base, {
      username: 'maintainer',
      password: 'maintainer',
      browser,
      returnTo: '/clusters?sort=name',
    });
    expect(`${result.landedOn.pathname}${result.landedOn.search}`).toBe(
      '/console/clusters?sort=name',
    );
    const cookie = browser.jar.get(COOKIE);
    expect(cookie?.path).toBe('/console');
    expect(cookie?.httpOnly).toBe(true);

    const session = await browser.api(`${base}/auth/session`);
    expect(session.status).toBe(200);
    expect(session.json()).toMatchObject({ user: { username: 'maintainer' } });
    // The cookie is not sent outside the base path, and nothing there answers anyway.
    expect(browser.jar.header(new URL(`${origin}/auth/session`)) ?? '').not.toContain(COOKIE);
  });

  it('when a signed-in user lists, saves and deletes a cluster under /console/api, then the clusters API does it', async () => {
    const { browser } = await signIn(base, { username: 'maintainer', password: 'maintainer' });
    const save = await browser.api(
      `${base}/api/v1/clusters/base-path-host?insecure_skip_check=true`,
      {
        method: 'POST',
        json: hostCluster,
        headers: { origin },
      },
    );
    expect(save.status).toBe(200);
    // Twice: the second read may take the API fast lane, which must see the same paths.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const list = await browser.api(`${base}/api/v1/clusters`);
      expect(list.status).toBe(200);
      const names = list.json<{ items: { name: string }[] }>().items.map((item) => item.name);
      expect(names).toContain('base-path-host');
    }
    const one = await browser.api(`${base}/api/v1/clusters/base-path-host`);
    expect(one.status).toBe(200);
    const removed = await browser.api(`${base}/api/v1/clusters/base-path-host`, {
      method: 'DELETE',
      headers: { origin },
    });
    expect(removed.status).toBe(200);
    const gone = await browser.api(`${base}/api/v1/clusters/base-path-host`);
    expect(gone.status).toBe(404);
  });

  it('when a request is outside /console, then it is 404 and nothing is forwarded, even with a session', async () => {
    const { browser } = await signIn(base, { username: 'maintainer', password: 'maintainer' });
    const cookie = browser.jar.header(new URL(`${base}/api/v1/clusters`)) ?? '';
    for (const outside of [
      '/api/v1/clusters',
      '/auth/login',
      '/auth/session',
      '/clusters',
      '/',
      '/index.html',
      '/assets/app-1234.js',
      '/consoles/api/v1/clusters',
      '/console-x',
    ]) {
      const response = await browser.request(`${origin}${outside}`, { headers: { cookie } });
      expect(response.status, outside).toBe(404);
      expect(response.json(), outside).toMatchObject({ code: 404, reason: 'NOT_FOUND' });
    }
    const post = await browser.api(`${origin}/api/v1/clusters/x`, {
      method: 'POST',
      json: hostCluster,
      headers: { cookie },
    });
    expect(post.status).toBe(404);
  });

  it('when the probes ask, then /healthz and /readyz answer at the root (kubelet) and under /console', async () => {
    const browser = new HttpBrowser();
    for (const probe of [`${origin}/healthz`, `${base}/healthz`]) {
      const health = await browser.request(probe);
      expect(health.status, probe).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
    }
    for (const probe of [`${origin}/readyz`, `${base}/readyz`]) {
      const ready = await browser.request(probe);
      expect(ready.status, probe).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready' });
    }
  });

  it('when a page or a deep link is asked for, then index.html comes with <base href="/console/">, and assets are served under /console', async () => {
    const browser = new HttpBrowser();
    for (const page of [
      '',
      '/',
      '/clusters',
      '/clusters/foo/edit',
      '/index.html',
      '/sign-in?x=1',
    ]) {
      const response = await browser.request(`${base}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type'), page).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control'), page).toBe('no-cache');
      expect(response.body, page).toContain('<base href="/console/" />');
      expect(response.body, page).not.toContain('<base href="/" />');
      expect(response.body, page).toContain('src="./assets/app-1234.js"');
    }
    const asset = await browser.request(`${base}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('when returnTo leaves the console or the sign-in fails, then the browser still lands under /console', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/auth/login']) {
      const browser = new HttpBrowser();
      const result = await signIn(base, {
        username: 'maintainer',
        password: 'maintainer',
        browser,
        returnTo,
      });
      expect(result.landedOn.href, returnTo).toBe(`${base}/`);
    }
    const browser = new HttpBrowser();
    const stale = await browser.request(`${base}/auth/callback?code=x&state=nothing`);
    expect(stale.status).toBe(303);
    const landed = new URL(stale.location ?? '');
    expect(landed.origin).toBe(origin);
    expect(landed.pathname).toBe('/console/sign-in');
    expect(landed.searchParams.get('error')).toBe('state_mismatch');
  });

  it('when the user signs out, then the cookie is cleared at Path=/console and CSRF still compares the origin', async () => {
    const { browser } = await signIn(base, { username: 'maintainer', password: 'maintainer' });
    const foreign = await browser.api(`${base}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.2:1' },
    });
    expect(foreign.status).toBe(403);
    const logout = await browser.api(`${base}/auth/logout`, {
      method: 'POST',
      headers: { origin },
    });
    expect(logout.status).toBe(204);
    const cleared = logout.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`));
    expect(cleared).toMatch(/Path=\/console(;|$)/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    const session = await browser.api(`${base}/auth/session`);
    expect(session.status).toBe(401);
  });
});
