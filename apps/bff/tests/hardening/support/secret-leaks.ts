/**
 * "Secrets stay secret", checked over everything a test file saw: every response (status line,
 * headers, body) from the BFF and the clusters API, and every log line of every process. The
 * secrets are the GitLab tokens (personal access tokens, the deploy token, the OAuth client
 * secret, and every access, refresh and ID token a session held) and the secret parts of every
 * kubeconfig sent (certificate and key data, tokens, long slices, its base64 form).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type session from 'express-session';
import type { HttpBrowser, HttpResult } from '../../support/http-browser';
import type { RawResponse } from '../../support/raw-request';
import { readSession } from '../../support/session-inspection';

/** The local GitLab's fixed secrets (apps/local-gitlab/users.json and its defaults). */
export const FIXED_SECRETS = [
  'glpat-local-maintainer',
  'glpat-local-developer',
  'glpat-local-outsider',
  'gldt-local-clusters-api',
  'cluster-console-local-secret',
];

const MIN_SECRET_LENGTH = 12;

interface SeenResponse {
  what: string;
  text: string;
}

function headerText(headers: Headers | IncomingHttpHeaders): string {
  if (headers instanceof Headers)
    return [...headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : (value ?? '')}`)
    .join('\n');
}

export class SecretLeakScan {
  private readonly secrets = new Map<string, string>();
  private readonly responses: SeenResponse[] = [];
  private readonly browsers: HttpBrowser[] = [];

  constructor() {
    for (const secret of FIXED_SECRETS) this.addSecret('GitLab fixture token', secret);
  }

  addSecret(label: string, value: string | undefined): void {
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) this.secrets.set(value, label);
  }

  /** A kubeconfig's secret values, a slice from its middle and the start of its base64 form. */
  addKubeconfig(kubeconfig: string, secretParts: string[]): void {
    for (const part of secretParts) {
      this.addSecret('kubeconfig secret', part);
      this.addSecret('kubeconfig secret (slice)', part.slice(8, 40));
    }
    const middle = Math.floor(kubeconfig.length / 2);
    this.addSecret('kubeconfig (slice)', kubeconfig.slice(middle, middle + 48));
    this.addSecret(
      'kubeconfig (base64)',
      Buffer.from(kubeconfig, 'utf8').toString('base64').slice(0, 48),
    );
  }

  /** Every response this browser gets, up to the scan, is searched. */
  watch(browser: HttpBrowser): void {
    this.browsers.push(browser);
  }

  record(what: string, response: HttpResult | RawResponse): void {
    this.responses.push({
      what,
      text: `${response.status}\n${headerText(response.headers)}\n\n${response.body}`,
    });
  }

  /** The session's current tokens (white-box: the BFF's store) become secrets too. */
  async addSessionTokens(store: session.Store, browser: HttpBrowser): Promise<void> {
    const data = await readSession(store, browser.jar);
    this.addSecret('access token', data?.tokens?.accessToken);
    this.addSecret('refresh token', data?.tokens?.refreshToken);
    this.addSecret('ID token', data?.tokens?.idToken);
  }

  get secretCount(): number {
    return this.secrets.size;
  }

  get responseCount(): number {
    return this.responses.length + this.browsers.reduce((n, b) => n + b.history.length, 0);
  }

  /** Where a secret showed up ("<kind> in <place>"), empty when nowhere. */
  findLeaks(logs: string): string[] {
    const places: SeenResponse[] = [
      ...this.responses,
      ...this.browsers.flatMap((browser) =>
        browser.history.map((response) => ({
          what: `${response.method} ${response.url}`,
          text: `${response.status}\n${headerText(response.headers)}\n${response.location ?? ''}\n\n${response.body}`,
        })),
      ),
      { what: 'the logs', text: logs },
    ];
    const leaks = new Set<string>();
    for (const place of places)
      for (const [secret, label] of this.secrets)
        if (place.text.includes(secret)) leaks.add(`${label} in ${place.what}`);
    return [...leaks];
  }
}
