import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { SessionCookie } from './sign-in';

/** Debian's Chromium as the benchmarks run it: headless, no GPU, no background traffic. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser context holding `session`'s cookie for the BFF at `bffUrl`. */
export async function signedInContext(
  browser: Browser,
  bffUrl: string,
  session: SessionCookie,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  await context.addCookies([{ name: session.name, value: session.value, url: bffUrl }]);
  return context;
}
