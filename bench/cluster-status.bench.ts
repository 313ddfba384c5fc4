/**
 * `cluster_status`: live status at scale. The Kubernetes API stand-in (in this process) holds
 * 5,000 Cluster resources with operator-written statuses; the BFF (its own process, from
 * source or the release) watches it with a kubeconfig. Measured over HTTP: the snapshot's size,
 * time to first byte and to the whole snapshot; with 500 open streams, a status change's
 * fan-out (the BFF's own time, from /metrics), its delivery from the write on the stand-in to
 * each stream (p50/p95 over 500 streams x 20 changes), and the BFF's resident memory.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLUSTERS, startLocalKube } from '@cluster-console/local-kube';
import { startApp } from '../scripts/lib/app-process';
import { findFreePort } from '../scripts/lib/free-port';
import { createCluster, writeKubeconfig } from '@cluster-console/bff/testing/management-kube';
import { atMost, type Benchmark } from './lib/benchmark';
import { rssMbOf } from './lib/machine';
import { signInAs } from './lib/sign-in';
import { median, quantile, round } from './lib/stats';

const RESOURCES = 5_000;
const STREAMS = 500;
const CHANGES = 20;
const STREAM_PATH = '/api/console/cluster-status/stream';

interface OpenStream {
  /** Resolves when `marker` has arrived; the time it did (performance.now()). */
  waitFor(marker: string): Promise<number>;
  close(): void;
}

/** A stream read as bytes: markers are looked for in what arrives, nothing else is parsed. */
function openStream(url: string, cookie: string, onFirstByte?: () => void): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' }, agent: false });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      let tail = '';
      const waiting = new Map<string, (at: number) => void>();
      const arrived = new Map<string, number>();
      res.setEncoding('utf8');
      let first = true;
      res.on('data', (chunk: string) => {
        const at = performance.now();
        if (first) {
          first = false;
          onFirstByte?.();
        }
        const text = tail + chunk;
        for (const [marker, done] of waiting) {
          if (text.includes(marker)) {
            waiting.delete(marker);
            done(at);
          }
        }
        for (const marker of ['event: snapshot'])
          if (text.includes(marker)) arrived.set(marker, at);
        tail = text.slice(-200);
      });
      resolve({
        waitFor: (marker) =>
          new Promise((done) => {
            const seen = arrived.get(marker);
            if (seen !== undefined) done(seen);
            else waiting.set(marker, done);
          }),
        close: () => req.destroy(),
      });
    });
  });
}

function statusFor(index: number, message: string) {
  const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const ok = (type: string) => ({
    type,
    status: 'True',
    reason: 'RegularUpdate',
    message: '',
    lastTransitionTime: time,
  });
  return {
    conditions: [
      { ...ok('SecretStoreReady'), status: message ? 'False' : 'True', message },
      ok('EntryPointCollected'),
      { ...ok('ClusterSyncToArgocd'), message: `successfully saved cluster c${index} to argocd` },
    ],
    entryPoints: { traefik: { httpPort: 30080, httpsPort: 30443, type: 'NodePort' } },
  };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

export const clusterStatusBenchmark: Benchmark = {
  name: 'cluster_status',
  description: `live status: ${RESOURCES.toLocaleString('en')} Cluster resources on the stand-in, ${STREAMS} open streams, ${CHANGES} status changes`,
  budgets: [atMost('fanout_bff_ms_500_streams', 50, ' ms')],
  run: async (log) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-bench-status-'));
    const kube = await startLocalKube({ historySize: 20_000 });
    for (let index = 0; index < RESOURCES; index += 1) {
      const name = `c${String(index).padStart(4, '0')}`;
      createCluster(kube, name);
      kube.store.modify(
        CLUSTERS,
        'nautes',
        name,
        (current) => ({ ...current, status: statusFor(index, '') }),
        { subresource: 'status' },
      );
    }
    const port = await findFreePort();
    // Not the local GitLab's development secret: the BFF refuses it with NODE_ENV=production.
    const clientSecret = randomBytes(24).toString('base64url');
    const bffUrl = `http://127.0.0.1:${port}`;
    const gitlab = await startApp('local-gitlab', {
      env: {
        DATA_DIR: path.join(dataDir, 'local-gitlab'),
        CONSOLE_REDIRECT_URIS: `${bffUrl}/auth/callback`,
        CONSOLE_CLIENT_SECRET: clientSecret,
      },
    });
    const clustersApi = await startApp('clusters-api', {
      env: {
        DATA_DIR: path.join(dataDir, 'clusters-api'),
        GITLAB_URL: gitlab.url,
        TENANT_REPO_URL: `${gitlab.url}/nautes/tenant-config.git`,
      },
    });
    const bff = await startApp('bff', {
      env: {
        PORT: String(port),
        PUBLIC_URL: bffUrl,
        GITLAB_URL: gitlab.url,
        CLUSTERS_API_URL: clustersApi.url,
        MANAGEMENT_KUBECONFIG: writeKubeconfig(kube, dataDir, 'cluster-watcher'),
        GITLAB_CLIENT_SECRET: clientSecret,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: 'warn',
      },
      timeoutMs: 150_000,
    });
    const streams: OpenStream[] = [];
    try {
      const cookie = (await signInAs(bffUrl, 'developer')).header;
      const url = `${bffUrl}${STREAM_PATH}`;
      // The watch lists the 5,000 resources: wait until a snapshot has them all.
      for (let tries = 0; ; tries += 1) {
        const answer = await fetch(`${bffUrl}/metrics`).then((response) => response.text());
        if (answer.includes('cluster_console_status_watch_up{state="up"} 1')) break;
        if (tries > 600) throw new Error('the watch did not come up');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The snapshot alone, three times.
      const firstByte: number[] = [];
      const full: number[] = [];
      let snapshotBytes = 0;
      for (let round_ = 0; round_ < 3; round_ += 1) {
        const started = performance.now();
        let ttfb = 0;
        const response = await fetch(url, { headers: { cookie } });
        const reader = response.body!.getReader();
        // `retry: 3000\n\n` then `event: snapshot\ndata: {...}\n\n`: the second blank line
        // ends the snapshot. Counted chunk by chunk (a chunk may split one).
        let bytes = 0;
        let blankLines = 0;
        let previous = 0;
        while (blankLines < 2) {
          const { value } = (await reader.read()) as { value?: Uint8Array };
          if (!value) break;
          if (!ttfb) ttfb = performance.now() - started;
          bytes += value.length;
          for (const byte of value) {
            if (byte === 10 && previous === 10) blankLines += 1;
            previous = byte;
          }
        }
        full.push(performance.now() - started);
        firstByte.push(ttfb);
        snapshotBytes = bytes;
        await reader.cancel();
      }
      log(
        `  snapshot ${round(snapshotBytes / 1024)} KiB: first byte ${round(median(firstByte))} ms, whole ${round(median(full))} ms`,
      );

      for (let index = 0; index < STREAMS; index += 1) {
        const stream = await openStream(url, cookie);
        await stream.waitFor('event: snapshot');
        streams.push(stream);
      }
      const pid = bff.child.pid ?? 0;
      const rssMb = rssMbOf(pid);
      log(`  ${STREAMS} streams open: BFF rss ${round(rssMb)} MiB`);

      const delivery: number[] = [];
      const fanout: number[] = [];
      for (let change = 0; change < CHANGES; change += 1) {
        const marker = `bench change ${change} `;
        const arrivals = streams.map((stream) => stream.waitFor(marker));
        const written = performance.now();
        kube.store.modify(
          CLUSTERS,
          'nautes',
          'c0042',
          (current) => ({ ...current, status: statusFor(42, marker) }),
          { subresource: 'status' },
        );
        for (const at of await Promise.all(arrivals)) delivery.push(at - written);
        fanout.push((await metric(bffUrl, 'cluster_console_status_fanout_seconds')) * 1000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return {
        resources: RESOURCES,
        streams: STREAMS,
        snapshot_kib: round(snapshotBytes / 1024),
        snapshot_first_byte_ms: round(median(firstByte)),
        snapshot_full_ms: round(median(full)),
        fanout_bff_ms_500_streams: round(median(fanout), 2),
        fanout_bff_ms_500_streams_max: round(Math.max(...fanout), 2),
        delivery_p50_ms: round(quantile(delivery, 0.5)),
        delivery_p95_ms: round(quantile(delivery, 0.95)),
        bff_rss_mb_5000_resources_500_streams: round(rssMb),
      };
    } finally {
      for (const stream of streams) stream.close();
      await bff.stop();
      await clustersApi.stop();
      await gitlab.stop();
      await kube.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
