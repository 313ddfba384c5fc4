/**
 * A real sign-in through the BFF and the local GitLab over HTTP (the BFF tests' helper),
 * returning the session cookie a browser would then hold.
 */
import { signIn } from '@cluster-console/bff/testing/sign-in';

export interface SessionCookie {
  name: string;
  value: string;
  /** `name=value`, as a Cookie header. */
  header: string;
}

export async function signInAs(bffUrl: string, username = 'maintainer'): Promise<SessionCookie> {
  const { browser, landedOn } = await signIn(bffUrl, { username, password: username });
  if (landedOn.pathname.startsWith('/sign-in')) {
    throw new Error(`sign-in as ${username} failed: landed on ${landedOn.href}`);
  }
  const cookie = browser.jar.all().find((c) => c.name.includes('cluster_console_session'));
  if (!cookie) throw new Error('the BFF set no session cookie');
  return { name: cookie.name, value: cookie.value, header: `${cookie.name}=${cookie.value}` };
}
