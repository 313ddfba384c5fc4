/**
 * `web`: the production build of the SPA, served by the BFF, in Chromium.
 * - `initial_js_gzip_kb`: every script /clusters loads before its list is on screen and
 *   usable, each gzipped (level 6, as a web server would), summed.
 * - `wizard_chunk_gzip_kb`: the scripts going from the list to the registration wizard adds.
 * - With 5,000 clusters: `list_first_render_ms` (navigation start to the first row, median of
 *   5 loads) and `filter_keystroke_ms` (one character typed in the search box until the table
 *   shows the filtered rows and the next frame is due, median of 10).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../scripts/lib/app-process';
import { atMost, type Benchmark } from './lib/benchmark';
import { startBenchStack } from './lib/bench-stack';
import { seededName } from './lib/cluster-fixtures';
import { signInAs } from './lib/sign-in';
import { median, round } from './lib/stats';

const CLUSTERS = 5000;
const LOADS = 5;
const KEYSTROKES = 10;
const FIRST_ROW = 'table.data-table tbody tr[aria-rowindex]';
const SEARCH = 'input[type="search"]';
/** Each narrows the list of seeded names (host-00000 ...): from 500 to ~1,900 rows. */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'h'];

function buildSpa(outDir: string): void {
  execFileSync(
    'pnpm',
    [
      '--filter',
      '@cluster-console/web',
      'exec',
      'vite',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** Records every script response of a page, in order, with its gzipped size. */
function recordScripts(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .body()
      .then((body) => scripts.set(response.url(), gzipSync(body, { level: 6 }).length))
      .catch(() => undefined);
  });
  return scripts;
}

const kb = (bytes: number) => round(bytes / 1024);
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

async function measureSizes(context: BrowserContext, bffUrl: string) {
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto(`${bffUrl}/clusters`);
  await page.locator(FIRST_ROW).first().waitFor();
  await page.locator(SEARCH).waitFor();
  await page.waitForLoadState('networkidle');
  const initial = new Map(scripts);
  await page.locator('a[href="/clusters/new"]').first().click();
  await page.locator('#wizard-step-title').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const added = [...scripts].filter(([url]) => !initial.has(url)).map(([, size]) => size);
  await page.close();
  return { initial: sum(initial.values()), wizard: sum(added), initialCount: initial.size };
}

// Code that runs in Chromium is given as text: it is not Node code (no DOM types here, and
// none of tsx's helpers exist in the page).

/** Records when the first table row appears, from the very start of the document. */
const FIRST_ROW_WATCH = `
  const observer = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(FIRST_ROW)})) {
      window.benchFirstRow = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });`;

/** The API and auth calls the page made: path, start and duration (ms), for the log. */
const API_CALLS = `
  performance
    .getEntriesByType('resource')
    .filter((entry) => /\\/(api|auth)\\//.test(entry.name))
    .map((entry) => new URL(entry.name).pathname + ' ' + entry.startTime.toFixed(0) + '+' +
      entry.duration.toFixed(0))`;

/** Times the next key: its event, then the first frame after the table has `rowCount` rows. */
function keystrokeWatch(rowCount: number): string {
  return `
    window.benchKey = {};
    const observer = new MutationObserver(() => {
      const table = document.querySelector('table.data-table');
      if (table === null || table.getAttribute('aria-rowcount') !== '${rowCount}') return;
      observer.disconnect();
      requestAnimationFrame(() => { window.benchKey.end = performance.now(); });
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    document.addEventListener('keydown', (event) => { window.benchKey.start = event.timeStamp; },
      { capture: true, once: true });`;
}

async function measureFirstRender(
  context: BrowserContext,
  bffUrl: string,
): Promise<{ ms: number; calls: string[] }> {
  const page = await context.newPage();
  await page.addInitScript({ content: FIRST_ROW_WATCH });
  await page.goto(`${bffUrl}/clusters`);
  await page.locator(FIRST_ROW).first().waitFor();
  const ms = await page.evaluate<number>('window.benchFirstRow');
  const calls = await page.evaluate<string[]>(API_CALLS);
  await page.close();
  return { ms, calls };
}

/** Expected rows when searching `query`: the SPA matches names by substring. */
function matching(query: string): number {
  let count = 0;
  for (let index = 0; index < CLUSTERS; index += 1)
    if (seededName(index).includes(query)) count += 1;
  return count;
}

async function measureKeystrokes(context: BrowserContext, bffUrl: string): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${bffUrl}/clusters`);
  await page.locator(FIRST_ROW).first().waitFor();
  const search = page.locator(SEARCH);
  const times: number[] = [];
  for (let trial = 0; trial < KEYSTROKES; trial += 1) {
    await search.fill('');
    await page.locator(`table.data-table[aria-rowcount="${CLUSTERS + 1}"]`).waitFor();
    const key = KEYS[trial % KEYS.length] ?? '1';
    const rowCount = matching(key) + 1;
    if (rowCount > CLUSTERS) throw new Error(`typing "${key}" would not narrow the list`);
    await page.evaluate(keystrokeWatch(rowCount));
    await search.press(key);
    // Polled from here: the page's CSP forbids the eval that waitForFunction would need.
    const deadline = Date.now() + 10_000;
    while (!(await page.evaluate<boolean>('window.benchKey.end !== undefined'))) {
      if (Date.now() > deadline) throw new Error(`the list did not update after typing "${key}"`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { start, end } = await page.evaluate<{ start: number; end: number }>('window.benchKey');
    times.push(end - start);
  }
  await page.close();
  return times;
}

export const webBenchmark: Benchmark = {
  name: 'web',
  description: `production build in Chromium via the BFF; ${CLUSTERS.toLocaleString('en')} clusters for the render and keystroke timings`,
  budgets: [atMost('initial_js_gzip_kb', 150), atMost('filter_keystroke_ms', 100)],
  run: async (log) => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-bench-web-'));
    let browser: Browser | undefined;
    let stack: Awaited<ReturnType<typeof startBenchStack>> | undefined;
    try {
      log('  building the SPA');
      buildSpa(outDir);
      stack = await startBenchStack({ clusters: CLUSTERS, bff: true, webDistDir: outDir });
      const bffUrl = stack.bff?.url ?? '';
      const session = await signInAs(bffUrl);
      browser = await chromium.launch({
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
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: 'en-US',
      });
      await context.addCookies([{ name: session.name, value: session.value, url: bffUrl }]);

      const sizes = await measureSizes(context, bffUrl);
      log(
        `  /clusters loads ${sizes.initialCount} scripts: ${kb(sizes.initial)} KiB gzipped; the wizard adds ${kb(sizes.wizard)} KiB`,
      );
      const renders: number[] = [];
      for (let load = 0; load < LOADS; load += 1) {
        const { ms, calls } = await measureFirstRender(context, bffUrl);
        renders.push(ms);
        log(
          `  first row after ${ms.toFixed(0)} ms (calls, start+duration ms: ${calls.join(', ')})`,
        );
      }
      const keystrokes = await measureKeystrokes(context, bffUrl);
      log(`  keystrokes: ${keystrokes.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      return {
        initial_js_gzip_kb: kb(sizes.initial),
        wizard_chunk_gzip_kb: kb(sizes.wizard),
        list_first_render_ms: round(median(renders)),
        filter_keystroke_ms: round(median(keystrokes)),
      };
    } finally {
      await browser?.close();
      await stack?.stop();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
