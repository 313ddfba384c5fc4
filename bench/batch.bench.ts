/**
 * Issue 25's batches, measured: "Register all" of a 50-cluster Nautes CLI file in Chromium
 * against the embedded clusters API through the BFF (the user's review, then one request per
 * cluster, hosts first), and deleting those 50 clusters with the list's "Delete selected" (select
 * all shown, type the count, confirm: one DELETE per cluster, virtual clusters before their hosts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BatchCluster } from '@cluster-console/shared';
import { launchBenchChromium, signedInContext } from './lib/bench-browser';
import { atMost, type Benchmark } from './lib/benchmark';
import { startBenchStack } from './lib/bench-stack';
import { benchKubeconfig, seededName } from './lib/cluster-fixtures';
import { signInAs } from './lib/sign-in';
import { viteBuild } from './lib/vite-build';

const CLUSTERS = 50;

const indented = (text: string, spaces: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/** One host in ten, half the others virtual workers on it (listed before it), the rest physical workers. */
function batchClusters(): BatchCluster[] {
  return Array.from({ length: CLUSTERS }, (_, index) => {
    const name = seededName(index);
    if (index % 10 === 0) return { name, cluster_type: 'physical' };
    if (index % 10 <= 5) {
      return { name, cluster_type: 'virtual', host_cluster: seededName(index - (index % 10)) };
    }
    return { name, cluster_type: 'physical' };
  });
}

function cliFile(clusters: readonly BatchCluster[]): string {
  // Virtual clusters first: the console must still register each host before them.
  const ordered = [...clusters].sort(
    (a, b) => Number(b.cluster_type === 'virtual') - Number(a.cluster_type === 'virtual'),
  );
  return ordered
    .map((cluster, position) => {
      const index = clusters.indexOf(cluster);
      const ip = `192.0.2.${index + 1}`;
      const head = `apiVersion: nautes.resource.nautes.io/v1alpha1\nkind: Cluster\nspec:\n  name: ${cluster.name}\n  clusterKind: kubernetes\n`;
      if (cluster.cluster_type === 'virtual') {
        const port = String(31000 + position);
        return `${head}  clusterType: virtual\n  usage: worker\n  workerType: pipeline\n  hostCluster: ${cluster.host_cluster}\n  apiServer: https://${ip}:${port}\n  vcluster:\n    httpsNodePort: "${port}"\n`;
      }
      const usage = index % 10 === 0 ? 'host' : 'worker\n  workerType: deployment';
      const server = `https://${ip}:6443`;
      return `${head}  clusterType: physical\n  usage: ${usage}\n  apiServer: ${server}\n  kubeconfig: |\n${indented(benchKubeconfig(server), 4)}\n`;
    })
    .join('---\n');
}

/**
 * Deletes every cluster as a user does: select all shown in the list, "Delete selected", type
 * the count, confirm; timed from the confirming click to the dialog's "Finished" line.
 */
async function deleteAllInTheList(
  page: Page,
  bffUrl: string,
): Promise<{ ms: number; requests: number; failed: number; summary: string }> {
  let requests = 0;
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && request.url().includes('/api/v1/clusters/')) requests += 1;
  });
  await page.goto(`${bffUrl}/clusters`);
  await page.getByRole('checkbox', { name: 'Select all shown clusters' }).check();
  await page.getByRole('button', { name: `Delete selected (${CLUSTERS})` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete ${CLUSTERS} clusters?` });
  await dialog
    .getByLabel(`Type ${CLUSTERS} (the number of clusters) to confirm`)
    .fill(String(CLUSTERS));
  const started = performance.now();
  await dialog.getByRole('button', { name: `Delete ${CLUSTERS} clusters` }).click();
  const finished = dialog.getByText(/^Finished: /);
  await finished.waitFor({ timeout: 600_000 });
  const ms = performance.now() - started;
  const summary = (await finished.textContent()) ?? '';
  const deleted = Number(/(\d+) deleted/.exec(summary)?.[1] ?? 0);
  return { ms, requests, failed: CLUSTERS - deleted, summary };
}

export const batchBenchmark: Benchmark = {
  name: 'batch',
  description: `"Register all" of a ${CLUSTERS}-cluster CLI file in Chromium, then deleting the ${CLUSTERS}, against the embedded clusters API`,
  budgets: [atMost('apply_failed', 0), atMost('delete_failed', 0)],
  run: async (log) => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-bench-batch-'));
    let browser: Browser | undefined;
    let stack: Awaited<ReturnType<typeof startBenchStack>> | undefined;
    try {
      viteBuild(outDir, { logLevel: 'warn' });
      stack = await startBenchStack({ clusters: 0, bff: true, webDistDir: outDir });
      const bffUrl = stack.bff?.url ?? '';
      const session = await signInAs(bffUrl);
      browser = await launchBenchChromium();
      const context = await signedInContext(browser, bffUrl, session, { width: 1280, height: 900 });
      const page = await context.newPage();
      const clusters = batchClusters();
      let posts = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/v1/clusters/')) posts += 1;
      });
      await page.goto(`${bffUrl}/clusters/new`);
      await page.getByRole('button', { name: 'Import a Nautes CLI file' }).click();
      const readStarted = performance.now();
      await page.getByLabel('Choose a CLI file…').setInputFiles({
        name: 'fifty.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(cliFile(clusters)),
      });
      await page.getByRole('button', { name: `Register all ${CLUSTERS}` }).click();
      const confirm = page.getByRole('button', { name: `Register ${CLUSTERS} clusters` });
      await confirm.waitFor({ timeout: 120_000 });
      const reviewMs = performance.now() - readStarted;
      const applyStarted = performance.now();
      await confirm.click();
      const finished = page.getByText(/^Finished: /);
      await finished.waitFor({ timeout: 600_000 });
      const applyMs = performance.now() - applyStarted;
      const summary = (await finished.textContent()) ?? '';
      const saved = Number(/(\d+) saved/.exec(summary)?.[1] ?? 0);
      log(
        `  apply: review ready in ${Math.round(reviewMs)} ms; ${summary} in ${Math.round(applyMs)} ms, ${posts} POSTs`,
      );

      const deleted = await deleteAllInTheList(page, bffUrl);
      log(
        `  delete: ${deleted.summary} in ${Math.round(deleted.ms)} ms, ${deleted.requests} DELETEs`,
      );
      return {
        apply_review_ms: Math.round(reviewMs),
        apply_to_last_result_ms: Math.round(applyMs),
        apply_ms_per_cluster: Math.round(applyMs / CLUSTERS),
        apply_requests: posts,
        apply_failed: CLUSTERS - saved,
        delete_to_last_result_ms: Math.round(deleted.ms),
        delete_ms_per_cluster: Math.round(deleted.ms / CLUSTERS),
        delete_requests: deleted.requests,
        delete_failed: deleted.failed,
      };
    } finally {
      await browser?.close();
      await stack?.stop();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
