import { describe, expect, it } from 'vitest';
import { consoleUrl, isProbeUrl, publicLocation } from './base-path';
import { sessionCookie } from './session/session-cookie';
import { withBaseHref } from './static/spa.router';

describe('the base path', () => {
  it.each([
    ['https://host', { origin: 'https://host', basePath: '', baseUrl: 'https://host' }],
    [
      'https://host/console',
      { origin: 'https://host', basePath: '/console', baseUrl: 'https://host/console' },
    ],
    [
      'https://host/a/b/',
      { origin: 'https://host', basePath: '/a/b', baseUrl: 'https://host/a/b' },
    ],
  ])('when PUBLIC_URL is %s, then the location is %o', (url, expected) => {
    expect(publicLocation(url)).toEqual(expected);
  });

  it.each([
    ['/console', '/'],
    ['/console/', '/'],
    ['/console?x=1', '/?x=1'],
    ['/console/api/v1/clusters?sort=name', '/api/v1/clusters?sort=name'],
    ['/console/console/x', '/console/x'],
    ['/consoles', undefined],
    ['/console-x/api', undefined],
    ['/api/v1/clusters', undefined],
    ['/', undefined],
    ['/Console/', undefined],
  ])('when a request asks for %s under /console, then the console sees %s', (url, inner) => {
    expect(consoleUrl(url, '/console')).toBe(inner);
  });

  it("when there is no base path, then every URL is the console's as it is", () => {
    expect(consoleUrl('/api/v1/clusters?x', '')).toBe('/api/v1/clusters?x');
  });

  it.each([
    ['/healthz', true],
    ['/readyz?verbose', true],
    ['/healthz/x', false],
    ['/console/healthz', false],
  ])('when %s is asked at the root, then it is a probe: %s', (url, probe) => {
    expect(isProbeUrl(url)).toBe(probe);
  });

  it('when the console is served over https under a path, then the cookie is __Host- with Path=/ and the path in its name (a __Secure- cookie with Path=/console could be shadowed by a sibling subdomain)', () => {
    expect(sessionCookie('https://host/console')).toMatchObject({
      name: '__Host-cluster_console_session.console',
      options: { path: '/', secure: true },
    });
    expect(sessionCookie('https://host/tools/console-2')).toMatchObject({
      name: '__Host-cluster_console_session.tools.console-2',
      options: { path: '/', secure: true },
    });
    expect(sessionCookie('https://host')).toMatchObject({
      name: '__Host-cluster_console_session',
      options: { path: '/', secure: true },
    });
    expect(sessionCookie('http://127.0.0.1:3000/console')).toMatchObject({
      name: 'cluster_console_session',
      options: { path: '/console', secure: false },
    });
  });

  it('when index.html is served, then its <base href> is the base path, first in the head (added when the build has none)', () => {
    expect(
      withBaseHref(
        '<head><script src="./assets/early.js"></script>\n<base href="/" />\n<link href="./a.css"></head>',
        '/console',
      ),
    ).toBe(
      '<head><base href="/console/" /><script src="./assets/early.js"></script>\n<link href="./a.css"></head>',
    );
    expect(withBaseHref('<head><base href="/"></head>', '')).toBe('<head><base href="/" /></head>');
    expect(withBaseHref('<html><head><title>x</title></head>', '/a/b')).toBe(
      '<html><head><base href="/a/b/" /><title>x</title></head>',
    );
  });
});
