import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { screenshotDir } from './paths';

/** axe-core itself, given to the page as its own source. */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The part of axe-core's global the check calls. */
interface AxeInPage {
  axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
}

const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations are needed: collecting every pass roughly doubles axe's time.
  resultTypes: ['violations'],
};

/**
 * The screenshots of every checked page are for people who compare the look (both themes, before
 * and after a change): `E2E_SCREENSHOTS=1` keeps them. Off by default: about a second of CPU each
 * on the 2-core machine, they were a sixth of the journeys' CPU in `npm test`. A failed journey
 * gets its screenshot either way (playwright.config.ts).
 */
const keepScreenshots = process.env.E2E_SCREENSHOTS === '1';

/**
 * Every page a journey reaches: no badge cut off by its table cell, axe with no serious or
 * critical violation (WCAG 2.1 A and AA rules), and its screenshot when asked for. `axe: false`
 * is for a further state of a page already checked (axe takes seconds per run on the 2-core
 * machine); the badge check, one read of the layout, runs either way.
 */
export async function checkPage(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { axe = true }: { axe?: boolean } = {},
): Promise<void> {
  await expectNoClippedBadges(page, name);
  if (!axe && !keepScreenshots) return;
  await test.step(
    `${axe ? 'check page' : 'screenshot'}: ${name}`,
    async () => {
      if (keepScreenshots) {
        const file = path.join(screenshotDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      }
      if (axe) await expectNoSeriousViolations(page, name);
    },
    { box: true },
  );
}

/**
 * axe-core run in the page itself (WCAG 2.1 A and AA rules), its source given once per
 * document: the console is one page, so journeys that move within it reuse it. Not through
 * @axe-core/playwright, whose analyze() opened a blank page per call to merge the results of
 * every frame: about 1.5 s per check against 0.1-0.2 s here, on a console that has no frames.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(
    (options) => (window as unknown as AxeInPage).axe.run(document, options),
    AXE_OPTIONS,
  );
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const results = await runAxe(page);
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = blocking
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
  expect(blocking, `axe on ${name}:\n${report}`).toEqual([]);
}

/**
 * A badge ("Waiting for sync", "Physical") is one word group that never wraps; a table cell hides
 * what overflows it. At the narrowest promised width (1,024 px, playwright.config.ts) each badge
 * must still end inside its cell's padding, in either language.
 */
async function expectNoClippedBadges(page: Page, name: string): Promise<void> {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('td .badge, td .status-badge')].flatMap((badge) => {
      const cell = badge.closest('td');
      if (!cell) return [];
      const cellBox = cell.getBoundingClientRect();
      const padding = parseFloat(getComputedStyle(cell).paddingRight) || 0;
      const overflow = badge.getBoundingClientRect().right - (cellBox.right - padding);
      return overflow > 0.5 ? [`"${badge.textContent ?? ''}" by ${overflow.toFixed(1)} px`] : [];
    }),
  );
  expect(clipped, `badges cut off by their cell on ${name}`).toEqual([]);
}
