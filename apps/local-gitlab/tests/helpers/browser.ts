/** A tiny browser: a cookie jar and fetch that follows redirects by hand (cookies on every hop). */
export class Browser {
  readonly #cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) {
      headers.set(
        'Cookie',
        [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (!value || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects from `url` until a page answers (returned) or a redirect leaves for a
   * location starting with `stopAt` (returned as that location).
   */
  async follow(
    url: string,
    stopAt: string,
    init: RequestInit = {},
  ): Promise<{ page: Response; url: string } | { redirect: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 10; hops += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { page: response, url: current };
      current = new URL(location, current).href;
      if (current.startsWith(stopAt)) return { redirect: current };
      response = await this.request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** The sign-in form's action and field names, read from the HTML like a browser would. */
export function readSignInForm(html: string, pageUrl: string) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page:\n${html}`);
  return { action: new URL(action.replace(/&amp;/g, '&'), pageUrl).href };
}
