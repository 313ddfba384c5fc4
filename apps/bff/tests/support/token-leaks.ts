import type { HttpResult } from './http-browser';

/**
 * Collects every GitLab token the BFF held during a test file, and checks that none of them
 * ever appeared in a response the browser got (headers or body) or in the BFF's logs.
 */
export class TokenLeakCheck {
  private readonly tokens = new Set<string>();

  add(...tokens: (string | undefined)[]): void {
    for (const token of tokens) if (token) this.tokens.add(token);
  }

  get size(): number {
    return this.tokens.size;
  }

  /** Returns a description of every leak found, empty when there is none. */
  findLeaks(responses: HttpResult[], logs: string): string[] {
    const leaks: string[] = [];
    for (const response of responses) {
      const headers = [...response.headers.entries()]
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n');
      for (const token of this.tokens) {
        if (headers.includes(token)) leaks.push(`header of ${response.method} ${response.url}`);
        if (response.body.includes(token)) leaks.push(`body of ${response.method} ${response.url}`);
        if (response.location?.includes(token))
          leaks.push(`location of ${response.method} ${response.url}`);
      }
    }
    for (const token of this.tokens) if (logs.includes(token)) leaks.push('BFF logs');
    return leaks;
  }
}
