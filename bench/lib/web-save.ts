/**
 * A save as the user waits for it: in Chromium through the BFF, from the click on "Save
 * cluster" (the wizard's review step) to the "Cluster <name> registered" heading, with its
 * parts: the browser's work before the request, the request, and the browser's work after the
 * answer. The request splits by the servers' own log lines for the same saves (the BFF's and
 * the clusters API's response times), and a bare push to the local GitLab in the same run shows
 * the push's share of the API's time.
 */
import type { BrowserContext } from 'playwright-core';
import type { BenchStack } from './bench-stack';
import { benchKubeconfig } from './cluster-fixtures';
import { measurePushFloor } from './push-floor';
import { loggedResponseMs } from './logged-response';
import { median } from './stats';

const DONE = '#done-title';

/** Records the click on Save (its event time) and when the "registered" heading appears. */
const SAVE_WATCH = `
  window.benchSave = {};
  document.addEventListener('click', (event) => { window.benchSave.click = event.timeStamp; },
    { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(DONE)})) {
      window.benchSave.done = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });`;

/** The page's timings of one save, in page time (ms): the click, the POST, later GETs. */
interface SaveTimings {
  click: number;
  done: number;
  /** The POST: its start, request sent, first byte of the answer, last byte (page time, ms). */
  post: { start: number; sent: number; firstByte: number; end: number } | undefined;
  refetches: string[];
}

function timingsScript(name: string): string {
  return `(() => {
    const entries = performance.getEntriesByType('resource')
      .filter((entry) => entry.startTime >= window.benchSave.click);
    const post = entries.find((entry) => new URL(entry.name).pathname.endsWith('/clusters/${name}'));
    return {
      click: window.benchSave.click,
      done: window.benchSave.done,
      post: post && { start: post.startTime, end: post.responseEnd,
        sent: post.requestStart, firstByte: post.responseStart },
      refetches: entries.filter((entry) => entry !== post && entry.startTime < window.benchSave.done)
        .map((entry) => new URL(entry.name).pathname + ' ' + (entry.startTime - window.benchSave.click).toFixed(0)
          + '+' + entry.duration.toFixed(0)),
    };
  })()`;
}

export interface SaveMeasurement {
  /** Click to heading, each save. */
  total: number[];
  /** Click to the POST's start: the browser's work before the request. */
  before: number[];
  /** The POST as the browser saw it: BFF, clusters API and push. */
  request: number[];
  /** The answer's end to the heading: the browser's work after the answer. */
  after: number[];
  /** The same saves as the BFF and the clusters API logged them (request in to answer out). */
  bffLogged: number[];
  apiLogged: number[];
  /** A bare push of a commit, same run. */
  pushAlone: number[];
}

/** `saves` registrations of a new physical worker through the wizard (after one to warm up). */
export async function measureSaves(
  context: BrowserContext,
  bffUrl: string,
  stack: BenchStack,
  saves: number,
  log: (message: string) => void,
): Promise<SaveMeasurement> {
  const result: SaveMeasurement = {
    total: [],
    before: [],
    request: [],
    after: [],
    bffLogged: [],
    apiLogged: [],
    pushAlone: [],
  };
  const counted: string[] = [];
  // One save first, not counted: the wizard's chunks and the server's code paths warm up.
  for (let trial = -1; trial < saves; trial += 1) {
    const name = `bench-web-save-${trial < 0 ? 'warm' : trial}`;
    const page = await context.newPage();
    await page.goto(`${bffUrl}/clusters/new`);
    await page.getByRole('radio', { name: /^Physical worker cluster/ }).check();
    await page.getByRole('radio', { name: /^Deployment/ }).check();
    await page.getByLabel('Cluster name').fill(name);
    await page.getByRole('button', { name: 'Next' }).click();
    const server = `https://192.0.2.${trial + 10}:6443`;
    await page.getByLabel('Kubeconfig', { exact: true }).fill(benchKubeconfig(server));
    await page.getByLabel('API server URL').fill(server);
    for (const step of [3, 4]) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { level: 2, name: `Step ${step} of 4` }).waitFor();
    }
    await page.evaluate(SAVE_WATCH);
    await page.getByRole('button', { name: 'Save cluster' }).click();
    await page.locator(DONE).waitFor();
    const timings = await page.evaluate<SaveTimings>(timingsScript(name));
    await page.close();
    if (!timings.post) throw new Error(`the save of ${name} made no request the page recorded`);
    const total = timings.done - timings.click;
    const parts = {
      before: timings.post.start - timings.click,
      request: timings.post.end - timings.post.start,
      after: timings.done - timings.post.end,
    };
    log(
      `  save ${name}: ${total.toFixed(0)} ms = browser before ${parts.before.toFixed(0)} + request ${parts.request.toFixed(0)} (sent after ${(timings.post.sent - timings.post.start).toFixed(0)}, answered after ${(timings.post.firstByte - timings.post.start).toFixed(0)}) + browser after ${parts.after.toFixed(0)}${timings.refetches.length > 0 ? ` (meanwhile, click+ms: ${timings.refetches.join(', ')})` : ''}`,
    );
    if (trial < 0) continue;
    counted.push(name);
    result.total.push(total);
    result.before.push(parts.before);
    result.request.push(parts.request);
    result.after.push(parts.after);
  }

  const paths = counted.map((name) => `/api/v1/clusters/${name}`);
  // The BFF writes its log lines in batches (at most every 500 ms): wait for the last one.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  result.bffLogged = loggedResponseMs(stack.bff?.logs() ?? '', 'POST', paths);
  result.apiLogged = loggedResponseMs(stack.clustersApi.logs(), 'POST', paths);
  result.pushAlone = await measurePushFloor(stack.gitlab.url, stack.bareRepo, saves);
  log(
    `  the request's parts (medians): the BFF logged ${median(result.bffLogged).toFixed(0)} ms, of which the clusters API logged ${median(result.apiLogged).toFixed(0)} ms; a bare push takes ${median(result.pushAlone).toFixed(0)} ms`,
  );
  return result;
}
