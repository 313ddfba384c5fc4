import { CookieJar } from './cookie-jar';

/** One HTTP response, read completely (so tests can also scan it for leaked secrets). */
export interface HttpResult {
  url: string;
  method: string;
  status: number;
  headers: Headers;
  body: string;
  /** Resolved Location header, if any. */
  location: string | undefined;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

/**
 * A scripted browser: a cookie jar, manual redirects, every response recorded. The BFF's
 * state-changing calls need `X-Requested-With: cluster-console`; `request` does not add it,
 * so tests can check the refusal; `api` does.
 */
export class HttpBrowser {
  readonly jar: CookieJar;
  readonly history: HttpResult[] = [];

  constructor(jar = new CookieJar()) {
    this.jar = jar;
  }

  async request(url: string | URL, options: RequestOptions = {}): Promise<HttpResult> {
    const target = new URL(url);
    const headers = new Headers(options.headers);
    const cookie = this.jar.header(target);
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    const method = options.method ?? 'GET';
    const init: RequestInit & { duplex?: 'half' } = {
      method,
      headers,
      redirect: 'manual',
      body: options.body,
    };
    if (options.body instanceof ReadableStream) init.duplex = 'half';
    const response = await fetch(target, init);
    this.jar.store(target, response.headers.getSetCookie());
    const body = await response.text();
    const locationHeader = response.headers.get('location');
    const result: HttpResult = {
      url: target.href,
      method,
      status: response.status,
      headers: response.headers,
      body,
      location: locationHeader ? new URL(locationHeader, target).href : undefined,
      json: <T>() => JSON.parse(body) as T,
    };
    this.history.push(result);
    return result;
  }

  /** A call as the SPA makes it: JSON, with the CSRF header on state-changing methods. */
  api(url: string | URL, options: RequestOptions & { json?: unknown } = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const method = options.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') headers['x-requested-with'] ??= 'cluster-console';
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    return this.request(url, { ...options, method, headers, body });
  }
}
