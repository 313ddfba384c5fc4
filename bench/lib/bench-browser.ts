import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DEBIAN_CHROMIUM } from '../../scripts/lib/debian-chromium';
import type { SessionCookie } from './sign-in';

/** Debian's Chromium, launched as the journeys launch it. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch(DEBIAN_CHROMIUM);
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
