import { HttpBrowser, type HttpResult } from './http-browser';

export interface SignInOptions {
  username: string;
  password: string;
  /** Passed to /auth/login; defaults to `/`. */
  returnTo?: string;
  /** Reuse a browser (its cookies); a new one otherwise. */
  browser?: HttpBrowser;
}

export interface SignInResult {
  browser: HttpBrowser;
  /** Where the BFF finally sent the browser (returnTo, or the SPA's /sign-in error page). */
  landedOn: URL;
  /** Every response on the way, in order. */
  steps: HttpResult[];
}

const MAX_STEPS = 20;

/**
 * Signs in through the BFF the way a browser does, over real HTTP: `/auth/login` redirects
 * to GitLab, GitLab shows its sign-in form, the form is posted, GitLab redirects to
 * `/auth/callback`, and the BFF redirects to `returnTo`. The SPA page itself is not fetched.
 * Throws with GitLab's message when the form comes back with an error.
 */
export async function signIn(bffUrl: string, options: SignInOptions): Promise<SignInResult> {
  const browser = options.browser ?? new HttpBrowser();
  const bffOrigin = new URL(bffUrl).origin;
  // The console's base path, if the BFF is served under one (`http://host/console`).
  const basePath = new URL(bffUrl).pathname.replace(/\/+$/, '');
  const start = new URL(`${basePath}/auth/login`, bffOrigin);
  start.searchParams.set('returnTo', options.returnTo ?? '/');
  const steps: HttpResult[] = [];
  let response = await browser.request(start);
  steps.push(response);
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (response.location) {
      const next = new URL(response.location);
      if (next.origin === bffOrigin && !next.pathname.startsWith(`${basePath}/auth/`)) {
        return { browser, landedOn: next, steps };
      }
      response = await browser.request(next);
    } else if (response.status === 200 && /<form/i.test(response.body)) {
      const form = parseForm(response.body, response.url);
      const values = new URLSearchParams(form.inputs);
      if (form.fields.has('username')) values.set('username', options.username);
      if (form.fields.has('password')) values.set('password', options.password);
      response = await browser.request(form.action, {
        method: form.method,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(form.action).origin,
        },
        body: values.toString(),
      });
      if (response.status === 200 && /role="alert"/i.test(response.body)) {
        const alert = /role="alert"[^>]*>([^<]*)</i.exec(response.body)?.[1] ?? 'unknown error';
        throw new Error(`GitLab refused the sign-in: ${alert}`);
      }
    } else {
      throw new Error(
        `sign-in stopped at ${response.method} ${response.url}: HTTP ${response.status}\n${response.body.slice(0, 500)}`,
      );
    }
    steps.push(response);
  }
  throw new Error('sign-in did not finish within 20 steps');
}

interface ParsedForm {
  action: string;
  method: string;
  /** Hidden and pre-filled inputs, by name. */
  inputs: Record<string, string>;
  /** Names of every input field in the form. */
  fields: Set<string>;
}

function parseForm(html: string, pageUrl: string): ParsedForm {
  const formTag = /<form\b([^>]*)>/i.exec(html)?.[1] ?? '';
  const attribute = (tag: string, name: string) =>
    decodeEntities(new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? '');
  const inputs: Record<string, string> = {};
  const fields = new Set<string>();
  for (const match of html.matchAll(/<input\b([^>]*)>/gi)) {
    const tag = match[1] ?? '';
    const name = attribute(tag, 'name');
    if (!name) continue;
    fields.add(name);
    const type = attribute(tag, 'type').toLowerCase();
    if (type !== 'password') inputs[name] = attribute(tag, 'value');
  }
  return {
    action: new URL(attribute(formTag, 'action') || pageUrl, pageUrl).href,
    method: (attribute(formTag, 'method') || 'GET').toUpperCase(),
    inputs,
    fields,
  };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
