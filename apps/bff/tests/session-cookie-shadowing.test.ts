import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../src/session/session-cookie';
import { startBff, type TestBff } from './support/bff';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import { HttpBrowser, type HttpResult, type RequestOptions } from './support/http-browser';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { signIn } from './support/sign-in';

/**
 * The console on https under a base path (PUBLIC_URL=https://127.0.0.1:<port>/console/, TLS
 * ended by a proxy that says X-Forwarded-Proto: https), against the real local GitLab and
 * clusters API. A sibling subdomain can set cookies for the parent domain with any Path; the
 * session cookie must be one it cannot shadow (`__Host-`, which browsers refuse with a Domain
 * or a Path other than /), and a session cookie that comes twice must not be read at all.
 */
/** The name the BFF issues (what the first test pins down): every other test follows it. */
let NAME: string;
/** What the console called its cookie under a path before: a sibling could set this one. */
const FORMER_NAME = '__Secure-cluster_console_session';

/** A browser behind the TLS-terminating proxy: https to the BFF's port becomes http + header. */
class BehindTlsProxy extends HttpBrowser {
  constructor(private readonly bffPort: string) {
    super();
  }

  override async request(url: string | URL, options: RequestOptions = {}): Promise<HttpResult> {
    const target = new URL(url);
    if (target.protocol !== 'https:' || target.port !== this.bffPort) {
      return super.request(target, options);
    }
    target.protocol = 'http:';
    const result = await super.request(target, {
      ...options,
      headers: { ...options.headers, 'x-forwarded-proto': 'https' },
    });
    // A relative Location was resolved against the proxy's inside: the browser is outside.
    if (result.location?.startsWith(`http://127.0.0.1:${this.bffPort}/`)) {
      result.location = result.location.replace('http:', 'https:');
    }
    return result;
  }
}

let listening: ListeningServer;
let stack: GitLabStack;
let bff: TestBff;
/** https://127.0.0.1:<port>/console: what browsers are given. */
let base: string;
let port: string;
let victim: HttpBrowser;
let victimCookie: string;
let attackerCookie: string;

async function signedIn(username: string): Promise<{ browser: HttpBrowser; cookie: string }> {
  const { browser } = await signIn(base, {
    username,
    password: username,
    browser: new BehindTlsProxy(port),
  });
  const cookie = browser.jar.get(NAME);
  expect(cookie, `${username}'s session cookie`).toBeDefined();
  return { browser, cookie: cookie?.value ?? '' };
}

/** A request with exactly this Cookie header, through the proxy. */
function withCookies(path: string, cookieHeader: string): Promise<HttpResult> {
  return new BehindTlsProxy(port).request(`${base}${path}`, {
    headers: { cookie: cookieHeader, accept: 'application/json' },
  });
}

const userOf = (response: HttpResult) =>
  response.status === 200 ? response.json<{ user: { username: string } }>().user.username : null;

beforeAll(async () => {
  listening = await listenOnFreePort();
  port = new URL(listening.url).port;
  base = `https://127.0.0.1:${port}/console`;
  NAME = sessionCookie(`${base}/`).name;
  stack = await startGitLabStack({ redirectUris: [`${base}/auth/callback`] });
  bff = await startBff({
    listening,
    env: {
      PUBLIC_URL: `${base}/`,
      TRUST_PROXY: 'loopback',
      GITLAB_URL: stack.gitlabUrl,
      CLUSTERS_API_URL: stack.clustersApiUrl,
    },
  });
  const [signedInVictim, attacker] = await Promise.all([
    signedIn('developer'),
    signedIn('maintainer'),
  ]);
  victim = signedInVictim.browser;
  victimCookie = signedInVictim.cookie;
  attackerCookie = attacker.cookie;
});

afterAll(async () => {
  await bff?.close();
  await stack?.stop();
});

describe('the session cookie under a base path cannot be shadowed', () => {
  it('when sign-in completes under https://host/console/, then the cookie is __Host- prefixed, host-only, Path=/, Secure and HttpOnly, with the path in its name', () => {
    expect(NAME).toBe('__Host-cluster_console_session.console');
    const cookie = victim.jar.get(NAME);
    expect(cookie?.path).toBe('/');
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.raw).not.toMatch(/domain=/i);
    expect(victim.jar.all().filter((c) => c.name.includes('cluster_console_session'))).toEqual([
      cookie,
    ]);
  });

  it("when a cookie a sibling subdomain can set (the former __Secure- name, or no prefix) holds the attacker's session and comes first, then the victim's own session answers", async () => {
    for (const shadow of [FORMER_NAME, 'cluster_console_session']) {
      const header = `${shadow}=${attackerCookie}; ${NAME}=${victimCookie}`;
      expect(userOf(await withCookies('/auth/session', header)), shadow).toBe('developer');
      const list = await withCookies('/api/v1/clusters', header);
      expect(list.status, shadow).toBe(200);
    }
  });

  it("when the session cookie itself comes twice (the attacker's first), then neither is used: 401, nothing cleared, and the victim's cookie alone still works", async () => {
    for (const header of [
      `${NAME}=${attackerCookie}; ${NAME}=${victimCookie}`,
      `${NAME}=${victimCookie}; ${NAME}=${attackerCookie}`,
    ]) {
      for (const path of ['/auth/session', '/api/v1/clusters']) {
        const answer = await withCookies(path, header);
        expect(answer.status, path).toBe(401);
        // The browser keeps the victim's cookie: nothing tells it to drop it.
        expect(answer.headers.getSetCookie()).toEqual([]);
      }
    }
    expect(userOf(await withCookies('/auth/session', `${NAME}=${victimCookie}`))).toBe('developer');
    expect(userOf(await withCookies('/auth/session', `${NAME}=${attackerCookie}`))).toBe(
      'maintainer',
    );
  });

  it("when someone signs in while a planted session cookie of the same name is sent too, then the sign-in does not go through while the name is ambiguous and they never end up in the attacker's session", async () => {
    const browser = new BehindTlsProxy(port);
    // Planted for /console: a longer Path, so a browser would send it first.
    browser.jar.store(new URL(`${base}/`), [
      `${NAME}=${attackerCookie}; Path=/console; Secure; HttpOnly`,
    ]);
    const attempt = await signIn(base, {
      username: 'operator',
      password: 'operator',
      browser,
    }).catch((error: unknown) => error);
    // It may fail (state_mismatch: the sign-in's own cookie is ambiguous too); never as maintainer.
    expect(attempt).toBeDefined();
    const session = await browser.request(`${base}/auth/session`, {
      headers: { accept: 'application/json' },
    });
    expect(userOf(session)).not.toBe('maintainer');
    expect(session.status).toBe(401);
    // The attacker's session is still only the attacker's.
    expect(userOf(await withCookies('/auth/session', `${NAME}=${attackerCookie}`))).toBe(
      'maintainer',
    );
  });
});
