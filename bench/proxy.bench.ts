/**
 * `proxy`: what the BFF costs. autocannon (20 connections, 10 s) against `GET /api/v1/clusters`
 * with 100 clusters, straight at the clusters API (maintainer's token) and through the BFF
 * (a signed-in session cookie), alternately, three times each; medians of the runs, and the
 * ratio of those medians. Each round also loads a bare http-proxy-middleware process
 * (bench/lib/bare-proxy.ts): the `floor_*` figures, what any separate proxy hop costs here.
 */
import autocannon from 'autocannon';
import { atLeast, atMost, type Benchmark } from './lib/benchmark';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeScript } from '../scripts/lib/app-process';
import { startBenchStack } from './lib/bench-stack';
import { createHttpClient, expectStatus } from './lib/http-client';
import { signInAs } from './lib/sign-in';
import { median, round } from './lib/stats';

const CLUSTERS = 100;
const CONNECTIONS = 20;
const DURATION_S = 10;
const ROUNDS = 3;

interface Load {
  rps: number;
  p99: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `load on ${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
}

export const proxyBenchmark: Benchmark = {
  name: 'proxy',
  description: `GET /api/v1/clusters (${CLUSTERS} clusters), ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} rounds of direct, via the BFF, via a bare proxy`,
  budgets: [atLeast('rps_ratio', 0.7), atMost('added_p99_ms', 5)],
  run: async (log) => {
    const stack = await startBenchStack({ clusters: CLUSTERS, bff: true });
    const bareProxy = await startNodeScript(
      'bare-proxy',
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'bare-proxy.ts'),
      { env: { TARGET: stack.clustersApi.url, TOKEN: 'glpat-local-maintainer' } },
    ).catch(async (error: unknown) => {
      await stack.stop();
      throw error;
    });
    try {
      const bff = stack.bff;
      if (!bff) throw new Error('no BFF');
      const session = await signInAs(bff.url);
      const direct = {
        url: `${stack.clustersApi.url}/api/v1/clusters`,
        headers: { authorization: 'Bearer glpat-local-maintainer' },
      };
      const viaBff = { url: `${bff.url}/api/v1/clusters`, headers: { cookie: session.header } };
      const viaFloor = { url: `${bareProxy.url}/api/v1/clusters`, headers: {} };
      // All three answer the same list before anything is timed.
      const http = createHttpClient();
      for (const target of [direct, viaBff, viaFloor]) {
        const response = await http.request(target.url, { headers: target.headers });
        expectStatus(response, 200, target.url);
        const count = (JSON.parse(response.body) as { items: unknown[] }).items.length;
        if (count !== CLUSTERS) throw new Error(`${target.url} listed ${count} clusters`);
      }
      http.close();
      // Warm-up (JIT, keep-alive pools, permission cache), not counted.
      for (const target of [direct, viaBff, viaFloor]) {
        await autocannon({ ...target, connections: CONNECTIONS, duration: 2 });
      }

      const runs = { direct: [] as Load[], bff: [] as Load[], floor: [] as Load[] };
      for (let round = 1; round <= ROUNDS; round += 1) {
        const d = await load(direct.url, direct.headers);
        const b = await load(viaBff.url, viaBff.headers);
        const f = await load(viaFloor.url, viaFloor.headers);
        runs.direct.push(d);
        runs.bff.push(b);
        runs.floor.push(f);
        log(
          `  round ${round}: direct ${d.rps.toFixed(0)} rps p99 ${d.p99} ms, via BFF ${b.rps.toFixed(0)} rps p99 ${b.p99} ms, via bare proxy ${f.rps.toFixed(0)} rps p99 ${f.p99} ms`,
        );
      }
      const [directRps, bffRps, floorRps] = [runs.direct, runs.bff, runs.floor].map((r) =>
        median(r.map((one) => one.rps)),
      ) as [number, number, number];
      const [directP99, bffP99, floorP99] = [runs.direct, runs.bff, runs.floor].map((r) =>
        median(r.map((one) => one.p99)),
      ) as [number, number, number];
      return {
        direct_rps: round(directRps, 0),
        bff_rps: round(bffRps, 0),
        rps_ratio: round(bffRps / directRps, 2),
        direct_p99_ms: round(directP99),
        bff_p99_ms: round(bffP99),
        added_p99_ms: round(bffP99 - directP99),
        floor_rps: round(floorRps, 0),
        floor_rps_ratio: round(floorRps / directRps, 2),
        floor_added_p99_ms: round(floorP99 - directP99),
      };
    } finally {
      await bareProxy.stop();
      await stack.stop();
    }
  },
};
