import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiErrorBodySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../scripts/lib/free-port';
import { startBff, type TestBff } from './support/bff';
import { HttpBrowser } from './support/http-browser';
import { rawRequest } from './support/raw-request';

/**
 * The BFF on its own, with GitLab and the clusters API down (closed ports): it must start,
 * protect itself and answer clearly. No sign-in here; see the session and proxy suites.
 */
describe('bff without GitLab and clusters API', () => {
  let bff: TestBff;
  let distDir: string;
  const browser = new HttpBrowser();

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(os.tmpdir(), 'bff-dist-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(
      path.join(distDir, 'index.html'),
      '<!doctype html><title>console</title><div id="root"></div>',
    );
    writeFileSync(path.join(distDir, 'assets', 'app-1234.js'), 'console.log(1)');
    const closedPort = await findFreePort();
    bff = await startBff({
      env: {
        GITLAB_URL: `http://127.0.0.1:${closedPort}`,
        CLUSTERS_API_URL: `http://127.0.0.1:${closedPort}`,
        WEB_DIST_DIR: distDir,
      },
    });
  });

  afterAll(async () => {
    await bff?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  function expectErrorShape(body: string, code: number, reason: string) {
    const parsed = ApiErrorBodySchema.parse(JSON.parse(body));
    expect(parsed).toMatchObject({ code, reason });
    expect(parsed.message.length).toBeGreaterThan(10);
    return parsed;
  }

  it('when GitLab is down, then the BFF still answers /healthz and /readyz says why it is not ready', async () => {
    const health = await browser.request(`${bff.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });

    const ready = await browser.request(`${bff.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = expectErrorShape(ready.body, 503, 'UPSTREAM_UNAVAILABLE');
    expect(body.metadata.gitlab).toMatch(/^unavailable/);
    expect(body.metadata.clusters_api).toMatch(/^unavailable/);
  });

  it('when sign-in starts while GitLab is down, then the browser lands on the sign-in page with an error', async () => {
    const response = await browser.request(`${bff.url}/auth/login?returnTo=%2Fclusters%3Fq%3D1`);
    expect(response.status).toBe(303);
    const location = new URL(response.location ?? '');
    expect(location.origin).toBe(bff.url);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe('temporarily_unavailable');
    expect(location.searchParams.get('returnTo')).toBe('/clusters?q=1');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('when no one is signed in, then /auth/session and the API answer 401 in the error shape without a cookie', async () => {
    const session = await browser.request(`${bff.url}/auth/session`);
    expect(session.status).toBe(401);
    expectErrorShape(session.body, 401, 'UNAUTHENTICATED');

    const list = await browser.request(`${bff.url}/api/v1/clusters`);
    expect(list.status).toBe(401);
    expectErrorShape(list.body, 401, 'UNAUTHENTICATED');
    expect(list.headers.get('set-cookie')).toBeNull();
    expect(list.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['GET', '/api/v1/clusters/'],
    ['GET', '/api/v1/clusters/a%2Fb'],
    ['GET', '/api/v1/clusters/a%2fb'],
    ['GET', '/api/v1/clusters/..'],
    ['GET', '/api/v1/clusters/.'],
    ['GET', '/api/v1/clusters/%2E%2E'],
    ['GET', '/api/v1/clusters/../clusters'],
    ['GET', '/api/v1/clusters/./x'],
    ['GET', '/api/v1/clusters/.hidden'],
    ['GET', '/api/v1/clusters/x/..'],
    ['GET', '/api/v1/clusters/x\\y'],
    ['GET', '/api/v1/clusters//x'],
    ['GET', '/api/v1/clusters/a/b'],
    ['GET', '/api/v1/clusters/a%5Cb'],
    ['GET', '/api/v1//clusters'],
    ['GET', '/api/v2/clusters'],
    ['GET', '/api'],
    ['GET', '/api/v1/other'],
    ['PUT', '/api/v1/clusters/x'],
    ['PATCH', '/api/v1/clusters/x'],
    ['POST', '/api/v1/clusters'],
    ['DELETE', '/api/v1/clusters'],
    ['HEAD', '/api/v1/clusters/x'],
  ])(
    'when %s %s is asked for, then the BFF answers 404 NOT_FOUND itself',
    async (method, pathAndQuery) => {
      // Sent byte for byte: fetch() would normalise dot segments and %2e away.
      const response = await rawRequest(bff.url, method, pathAndQuery, {
        'x-requested-with': 'cluster-console',
      });
      expect(response.status).toBe(404);
      if (method !== 'HEAD') expectErrorShape(response.body, 404, 'NOT_FOUND');
    },
  );

  it.each([
    ['GET', '/api/v1/clusters'],
    ['GET', '/api/v1/clusters?field_selector=usage%3Dhost'],
    ['GET', '/api/v1/clusters/cluster-host'],
    ['POST', '/api/v1/clusters/cluster-host?insecure_skip_check=true'],
    ['DELETE', '/api/v1/clusters/cluster-host'],
    ['GET', '/api/v1/clusters/Not_DNS.1123'],
  ])(
    'when %s %s is asked for without a session, then it passes the allow-list and gets 401',
    async (method, target) => {
      const response = await rawRequest(bff.url, method, target, {
        'x-requested-with': 'cluster-console',
      });
      expect(response.status).toBe(401);
      expectErrorShape(response.body, 401, 'UNAUTHENTICATED');
    },
  );

  it('when a POST lacks the CSRF header or comes from another origin, then it is refused with 403 CSRF_REJECTED', async () => {
    const withoutHeader = await browser.request(`${bff.url}/auth/logout`, { method: 'POST' });
    expect(withoutHeader.status).toBe(403);
    expectErrorShape(withoutHeader.body, 403, 'CSRF_REJECTED');

    const wrongValue = await browser.request(`${bff.url}/api/v1/clusters/x`, {
      method: 'DELETE',
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(wrongValue.status).toBe(403);

    const foreign = await browser.request(`${bff.url}/api/v1/clusters/x`, {
      method: 'POST',
      headers: { 'x-requested-with': 'cluster-console', origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expectErrorShape(foreign.body, 403, 'CSRF_REJECTED');

    const nullOrigin = await browser.request(`${bff.url}/auth/logout`, {
      method: 'POST',
      headers: { 'x-requested-with': 'cluster-console', origin: 'null' },
    });
    expect(nullOrigin.status).toBe(403);
  });

  it('when a page is asked for, then the SPA is served with history fallback and strict security headers', async () => {
    const page = await browser.request(`${bff.url}/clusters/cluster-host?tab=1`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/img-src 'self' data: http:\/\/127\.0\.0\.1:\d+/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('strict-transport-security')).toBeNull();

    const asset = await browser.request(`${bff.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const missingAsset = await browser.request(`${bff.url}/assets/missing-1234.js`);
    expect(missingAsset.status).toBe(404);
  });

  it('when the web app is not built, then pages answer a clear 503 page', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'bff-nodist-'));
    const other = await startBff({
      env: { GITLAB_URL: 'http://127.0.0.1:9', WEB_DIST_DIR: path.join(empty, 'dist') },
    });
    try {
      const page = await browser.request(`${other.url}/`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('The web console is not built');
      expect(page.body).not.toMatch(/<script/i);
    } finally {
      await other.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('when sign-in or changes are attempted too often, then 429 RATE_LIMITED in the error shape', async () => {
    // Fresh limiter state: its own instance, the same limits.
    const limited = await startBff({
      env: { GITLAB_URL: 'http://127.0.0.1:9', LOGIN_RATE_LIMIT: '2', MUTATION_RATE_LIMIT: '3' },
    });
    try {
      const logins = [];
      for (let attempt = 0; attempt < 3; attempt += 1)
        logins.push(await browser.request(`${limited.url}/auth/login`));
      expect(logins.map((response) => response.status)).toEqual([303, 303, 429]);
      expectErrorShape(logins[2]?.body ?? '', 429, 'RATE_LIMITED');

      const logouts = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        logouts.push(
          await browser.request(`${limited.url}/auth/logout`, {
            method: 'POST',
            headers: { 'x-requested-with': 'cluster-console' },
          }),
        );
      }
      expect(logouts.map((response) => response.status)).toEqual([204, 204, 204, 429]);
      expectErrorShape(logouts[3]?.body ?? '', 429, 'RATE_LIMITED');
      // Reads are not limited by the change limit.
      expect((await browser.request(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('when requests are served, then each is logged once as JSON without its query string', async () => {
    await browser.request(
      `${bff.url}/auth/callback?code=secret-code-value&state=secret-state-value`,
    );
    const lines = bff.logs().filter((line) => line.msg === 'request');
    const callback = lines.find((line) => line.path === '/auth/callback');
    expect(callback).toMatchObject({ method: 'GET', status: 303 });
    expect(typeof callback?.reqId).toBe('string');
    expect(typeof callback?.responseTimeMs).toBe('number');
    expect(bff.rawLogs()).not.toContain('secret-code-value');
    expect(bff.rawLogs()).not.toContain('secret-state-value');
    const ids = lines.map((line) => line.reqId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
