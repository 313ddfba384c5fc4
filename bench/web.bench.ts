/**
 * `web`: the production build of the SPA, served by the BFF, in Chromium.
 * - `initial_js_gzip_kb`: every script /clusters loads before its list is on screen and
 *   usable, each gzipped (level 6, as a web server would), summed.
 * - `initial_js_library_floor_gzip_kb`: the same for a page of the list page's libraries alone
 *   (lib/library-floor.ts): what no first screen built on them can go under.
 * - `wizard_chunk_gzip_kb`: the scripts going from the list to the registration wizard adds.
 * - With 5,000 clusters: `list_first_render_ms` (navigation start to the first row, median of
 *   5 loads), `list_request_lag_ms` (the list call's start minus the session call's start, as
 *   the page's resource timing has them) and `filter_keystroke_ms` (one character typed in the
 *   search box until the table shows the filtered rows and the next frame is due, median of 10).
 * - `list_first_render_library_floor_ms`: the same for the library floor's page (lib/library-floor.ts)
 *   showing the same list, same browser: what the libraries alone take to a first row here.
 * - `list_first_render_ratio`: that first row at 5,000 clusters over the same at 10, same run.
 * - `save_click_to_done_ms_at_1000`: with 1,000 clusters, a click on "Save cluster" to the
 *   "registered" heading (median of 5), its parts logged (lib/web-save.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildLibraryFloor, serveLibraryFloor } from './lib/library-floor';
import { viteBuild } from './lib/vite-build';
import { launchBenchChromium, signedInContext } from './lib/bench-browser';
import { atMost, type Benchmark } from './lib/benchmark';
import { startBenchStack } from './lib/bench-stack';
import { seededName } from './lib/cluster-fixtures';
import { gzippedSize } from './lib/gzipped-size';
import { signInAs, type SessionCookie } from './lib/sign-in';
import { median, round } from './lib/stats';
import { measureSaves } from './lib/web-save';

const CLUSTERS = 5000;
/** The list's first row is also timed with this few clusters: the ratio shows what size costs. */
const FEW_CLUSTERS = 10;
const SAVE_CLUSTERS = 1000;
const LOADS = 5;
const SAVES = 5;
const KEYSTROKES = 10;
const FIRST_ROW = 'table.data-table tbody tr[aria-rowindex]';
const SEARCH = 'input[type="search"]';
/** Each narrows the list of seeded names (host-00000 ...): from 500 to ~1,900 rows. */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'h'];

function buildSpa(outDir: string): void {
  viteBuild(outDir, { logLevel: 'warn' });
}

/** Records every script response of a page, in order, with its gzipped size. */
function recordScripts(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .body()
      .then((body) => scripts.set(response.url(), gzippedSize(body)))
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

/** The API and auth calls the page made: path, start and duration (ms). */
const API_CALLS = `
  performance
    .getEntriesByType('resource')
    .filter((entry) => /\\/(api|auth)\\//.test(entry.name))
    .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime,
      duration: entry.duration }))`;

interface ApiCall {
  path: string;
  start: number;
  duration: number;
}

/** The list call's start minus the session call's start. */
function requestLag(calls: ApiCall[]): number {
  const start = (path: string) => {
    const call = calls.find((candidate) => candidate.path === path);
    if (!call) throw new Error(`the list page made no ${path} call`);
    return call.start;
  };
  return start('/api/v1/clusters') - start('/auth/session');
}

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

/** Navigation start to the first row of the list at `pageUrl`, and the calls the page made. */
async function measureFirstRender(
  context: BrowserContext,
  pageUrl: string,
): Promise<{ ms: number; calls: ApiCall[] }> {
  const page = await context.newPage();
  await page.addInitScript({ content: FIRST_ROW_WATCH });
  await page.goto(pageUrl);
  await page.locator(FIRST_ROW).first().waitFor();
  const ms = await page.evaluate<number>('window.benchFirstRow');
  const calls = await page.evaluate<ApiCall[]>(API_CALLS);
  await page.close();
  return { ms, calls };
}

/** `LOADS` loads of the list: first-row times and request lags, each load logged. */
async function measureFirstRenders(
  context: BrowserContext,
  bffUrl: string,
  log: (message: string) => void,
): Promise<{ renders: number[]; lags: number[] }> {
  const renders: number[] = [];
  const lags: number[] = [];
  for (let load = 0; load < LOADS; load += 1) {
    const { ms, calls } = await measureFirstRender(context, `${bffUrl}/clusters`);
    renders.push(ms);
    lags.push(requestLag(calls));
    const described = calls.map(
      (call) => `${call.path} ${call.start.toFixed(0)}+${call.duration.toFixed(0)}`,
    );
    log(
      `  first row after ${ms.toFixed(0)} ms (calls, start+duration ms: ${described.join(', ')})`,
    );
  }
  return { renders, lags };
}

/**
 * `LOADS` loads of the library floor's page showing the list the console shows (the clusters
 * API's answer, read through the BFF once), in the same browser: first-row times.
 */
async function measureFloorRenders(
  context: BrowserContext,
  bffUrl: string,
  session: SessionCookie,
  floorDir: string,
): Promise<number[]> {
  const list = await fetch(`${bffUrl}/api/v1/clusters`, { headers: { cookie: session.header } });
  if (list.status !== 200) throw new Error(`the list for the library floor: ${list.status}`);
  const floor = await serveLibraryFloor(floorDir, await list.text());
  try {
    const renders: number[] = [];
    for (let load = 0; load < LOADS; load += 1)
      renders.push((await measureFirstRender(context, floor.url)).ms);
    return renders;
  } finally {
    await floor.close();
  }
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
  budgets: [
    atMost('initial_js_gzip_kb', 110),
    atMost('wizard_chunk_gzip_kb', 60),
    atMost('list_first_render_ms', 800),
    atMost('list_first_render_ratio', 1.3),
    atMost('list_request_lag_ms', 50),
    atMost('filter_keystroke_ms', 50),
    atMost('save_click_to_done_ms_at_1000', 150),
  ],
  run: async (log) => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-bench-web-'));
    const floorDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-library-floor-'));
    let browser: Browser | undefined;
    let stack: Awaited<ReturnType<typeof startBenchStack>> | undefined;
    try {
      log('  building the SPA and the library floor');
      buildSpa(outDir);
      const libraryFloor = buildLibraryFloor(floorDir);
      stack = await startBenchStack({ clusters: CLUSTERS, bff: true, webDistDir: outDir });
      const bffUrl = stack.bff?.url ?? '';
      const session = await signInAs(bffUrl);
      browser = await launchBenchChromium();
      const context = await signedInContext(browser, bffUrl, session, { width: 1280, height: 860 });

      const sizes = await measureSizes(context, bffUrl);
      log(
        `  /clusters loads ${sizes.initialCount} scripts: ${kb(sizes.initial)} KiB gzipped; the wizard adds ${kb(sizes.wizard)} KiB; its libraries alone weigh ${kb(libraryFloor)} KiB`,
      );
      const many = await measureFirstRenders(context, bffUrl, log);
      const floorRenders = await measureFloorRenders(context, bffUrl, session, floorDir);
      log(
        `  the library floor's first row, same list: ${floorRenders.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      );
      const keystrokes = await measureKeystrokes(context, bffUrl);
      log(`  keystrokes: ${keystrokes.map((ms) => ms.toFixed(0)).join(', ')} ms`);

      log(`  with ${SAVE_CLUSTERS.toLocaleString('en')} clusters:`);
      await stack.reseed(SAVE_CLUSTERS);
      const saves = await measureSaves(context, bffUrl, stack, SAVES, log);

      log(`  with ${FEW_CLUSTERS} clusters:`);
      await stack.reseed(FEW_CLUSTERS);
      const few = await measureFirstRenders(context, bffUrl, log);
      return {
        initial_js_gzip_kb: kb(sizes.initial),
        initial_js_library_floor_gzip_kb: kb(libraryFloor),
        wizard_chunk_gzip_kb: kb(sizes.wizard),
        list_first_render_ms: round(median(many.renders)),
        list_first_render_library_floor_ms: round(median(floorRenders)),
        list_first_render_ms_at_10: round(median(few.renders)),
        list_first_render_ratio: round(median(many.renders) / median(few.renders), 2),
        list_request_lag_ms: round(median(many.lags)),
        filter_keystroke_ms: round(median(keystrokes)),
        save_click_to_done_ms_at_1000: round(median(saves.total)),
        save_browser_before_ms_at_1000: round(median(saves.before)),
        save_request_ms_at_1000: round(median(saves.request)),
        save_browser_after_ms_at_1000: round(median(saves.after)),
        save_bff_logged_ms_at_1000: round(median(saves.bffLogged)),
        save_api_logged_ms_at_1000: round(median(saves.apiLogged)),
        save_push_alone_ms_at_1000: round(median(saves.pushAlone)),
      };
    } finally {
      await browser?.close();
      await stack?.stop();
      rmSync(outDir, { recursive: true, force: true });
      rmSync(floorDir, { recursive: true, force: true });
    }
  },
};
