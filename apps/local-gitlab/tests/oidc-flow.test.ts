import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, readSignInForm } from './helpers/browser';
import { startTestGitlab, type TestGitlab } from './helpers/local-gitlab';
import { CONSOLE_CLIENT, discoverConsoleClient, signIn } from './helpers/oidc-flow';

let gitlab: TestGitlab;
let config: client.Configuration;

beforeAll(async () => {
  gitlab = await startTestGitlab();
  config = await discoverConsoleClient(gitlab.issuer);
});
afterAll(async () => {
  await gitlab.stop();
});

const apiUser = (token: string) =>
  fetch(`${gitlab.url}/api/v4/user`, { headers: { Authorization: `Bearer ${token}` } });

describe('discovery', () => {
  it('when discovered, then the endpoints are at GitLab paths', async () => {
    const metadata = (await (
      await fetch(`${gitlab.url}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: gitlab.url,
      authorization_endpoint: `${gitlab.url}/oauth/authorize`,
      token_endpoint: `${gitlab.url}/oauth/token`,
      revocation_endpoint: `${gitlab.url}/oauth/revoke`,
      userinfo_endpoint: `${gitlab.url}/oauth/userinfo`,
      jwks_uri: `${gitlab.url}/oauth/discovery/keys`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'api', 'read_user']),
    );
    const jwks = (await (await fetch(`${gitlab.url}/oauth/discovery/keys`)).json()) as {
      keys: { kty: string; d?: string }[];
    };
    expect(jwks.keys[0]?.kty).toBe('RSA');
    expect(jwks.keys[0]?.d).toBeUndefined();
  });
});

describe('authorization code flow with PKCE', () => {
  it('when the developer signs in, then the console gets tokens, an ID token and GitLab userinfo claims', async () => {
    const { tokens } = await signIn(config, { username: 'developer', password: 'developer' });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBe(7200);
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope?.split(' ').sort()).toEqual(['api', 'email', 'openid', 'profile']);
    const idToken = tokens.claims();
    expect(idToken).toMatchObject({
      sub: '2',
      iss: gitlab.issuer,
      aud: CONSOLE_CLIENT.id,
      nickname: 'developer',
    });

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, '2');
    expect(userinfo).toEqual(
      expect.objectContaining({
        sub: '2',
        name: 'Local Developer',
        nickname: 'developer',
        preferred_username: 'developer',
        email: 'developer@local-gitlab.test',
        picture: `${gitlab.url}/uploads/-/system/user/avatar/2/avatar.svg`,
      }),
    );
    const avatar = await fetch(userinfo.picture ?? '');
    expect(avatar.headers.get('content-type')).toMatch(/^image\/svg\+xml/);

    const me = await apiUser(tokens.access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: 2,
      username: 'developer',
      name: 'Local Developer',
    });
  });

  it('when the client authenticates with client_secret_post, then the code exchange works too', async () => {
    const postConfig = await discoverConsoleClient(
      gitlab.issuer,
      client.ClientSecretPost(CONSOLE_CLIENT.secret),
    );
    const { tokens } = await signIn(postConfig, { username: 'maintainer', password: 'maintainer' });
    expect(tokens.claims()?.sub).toBe('1');
  });

  it('when a request has no PKCE challenge, then the provider refuses it', async () => {
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CONSOLE_CLIENT.redirectUri,
      scope: 'openid',
      state: client.randomState(),
    });
    const response = await new Browser().request(url.href);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(CONSOLE_CLIENT.redirectUri);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('when the password is wrong, then the form comes back with the error and the username kept', async () => {
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CONSOLE_CLIENT.redirectUri,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      state: client.randomState(),
    });
    const browser = new Browser();
    const first = await browser.follow(url.href, CONSOLE_CLIENT.redirectUri);
    if (!('page' in first)) throw new Error('expected the sign-in page');
    const html = await first.page.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<main>/);
    expect(html).toMatch(/<label for="username">/);
    expect(html).toMatch(/<label for="password">/);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
    expect(html).not.toMatch(/<script/i);
    expect(first.page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);

    const form = readSignInForm(html, first.url);
    const wrong = await browser.follow(form.action, CONSOLE_CLIENT.redirectUri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'developer', password: 'nope' }).toString(),
    });
    if (!('page' in wrong)) throw new Error('a wrong password must not redirect back');
    const errorHtml = await wrong.page.text();
    expect(errorHtml).toContain('role="alert"');
    expect(errorHtml).toContain('Invalid login or password.');
    expect(errorHtml).toContain('value="developer"');

    // The same interaction still works with the right password.
    const right = await browser.follow(form.action, CONSOLE_CLIENT.redirectUri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'developer', password: 'developer' }).toString(),
    });
    expect('redirect' in right && new URL(right.redirect).searchParams.get('code')).toBeTruthy();
  });
});

describe('the sign-in session', () => {
  it('when signed in once, then the next authorization skips the form; after sign-out it asks again', async () => {
    const { browser } = await signIn(config, { username: 'developer', password: 'developer' });
    const authorize = async () =>
      browser.follow(
        client.buildAuthorizationUrl(config, {
          redirect_uri: CONSOLE_CLIENT.redirectUri,
          scope: 'openid api',
          code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
          code_challenge_method: 'S256',
          state: client.randomState(),
        }).href,
        CONSOLE_CLIENT.redirectUri,
      );
    const again = await authorize();
    expect('redirect' in again && new URL(again.redirect).searchParams.get('code')).toBeTruthy();

    const signOut = await browser.request(`${gitlab.url}/users/sign_out`, { method: 'POST' });
    expect(signOut.status).toBe(200);
    const afterSignOut = await authorize();
    expect(
      'page' in afterSignOut && (await afterSignOut.page.text()).includes('<label for="password">'),
    ).toBe(true);
  });
});

describe('refresh and revoke', () => {
  it('when a refresh token is used, then it rotates and the old one stops working', async () => {
    const { tokens } = await signIn(config, { username: 'maintainer', password: 'maintainer' });
    const firstRefresh = tokens.refresh_token ?? '';
    const refreshed = await client.refreshTokenGrant(config, firstRefresh);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(firstRefresh);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await apiUser(refreshed.access_token)).status).toBe(200);

    await expect(client.refreshTokenGrant(config, firstRefresh)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('when a used refresh token is presented again, then the whole grant is revoked: the rotated tokens stop working too', async () => {
    // GitLab's reuse detection: two replicas refreshing one session at once end that session.
    const { tokens } = await signIn(config, { username: 'operator', password: 'operator' });
    const used = tokens.refresh_token ?? '';
    const rotated = await client.refreshTokenGrant(config, used);
    expect((await apiUser(rotated.access_token)).status).toBe(200);

    await expect(client.refreshTokenGrant(config, used)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await apiUser(rotated.access_token)).status).toBe(401);
    await expect(
      client.refreshTokenGrant(config, rotated.refresh_token ?? ''),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('when the access token is revoked, then the API answers 401 with GitLab message', async () => {
    const { tokens } = await signIn(config, { username: 'developer', password: 'developer' });
    expect((await apiUser(tokens.access_token)).status).toBe(200);
    await client.tokenRevocation(config, tokens.access_token);
    const response = await apiUser(tokens.access_token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: '401 Unauthorized' });
  });
});
