import * as client from 'openid-client';
import { Browser, readSignInForm } from './browser';

export const CONSOLE_CLIENT = {
  id: 'cluster-console',
  secret: 'cluster-console-local-secret',
  redirectUri: 'http://127.0.0.1:3000/auth/callback',
};

export async function discoverConsoleClient(issuer: string, auth?: client.ClientAuth) {
  return client.discovery(new URL(issuer), CONSOLE_CLIENT.id, CONSOLE_CLIENT.secret, auth, {
    execute: [client.allowInsecureRequests],
  });
}

/** The console's login: authorization request with PKCE, sign-in form, code exchange. */
export async function signIn(
  config: client.Configuration,
  credentials: { username: string; password: string },
  scope = 'openid profile email api',
) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: CONSOLE_CLIENT.redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const browser = new Browser();
  const first = await browser.follow(authorizationUrl.href, CONSOLE_CLIENT.redirectUri);
  if (!('page' in first))
    throw new Error(`expected the sign-in page, got a redirect to ${first.redirect}`);
  const form = readSignInForm(await first.page.text(), first.url);
  const posted = await browser.follow(form.action, CONSOLE_CLIENT.redirectUri, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(credentials).toString(),
  });
  if (!('redirect' in posted))
    throw new Error(`sign-in did not redirect back: ${await posted.page.text()}`);
  const tokens = await client.authorizationCodeGrant(config, new URL(posted.redirect), {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  return { tokens, browser, callbackUrl: posted.redirect };
}
