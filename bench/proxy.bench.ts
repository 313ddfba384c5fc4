/**
 * `proxy`: what the BFF costs over any proxy hop. autocannon (20 connections, 8 s) against
 * `GET /api/v1/clusters` with 100 clusters: straight at the clusters API (maintainer's token),
 * through the BFF (a signed-in session cookie) and through a bare http-proxy-middleware process
 * (bench/lib/bare-proxy.ts, the floor: what a separate proxy hop alone costs here), one after
 * the other in each of five rounds. The budgets compare the BFF with the floor within each round
 * (the machine's load moves both alike) and take the median over the rounds. The BFF's CPU time
 * per request comes from /proc, so it holds still under load better than throughput does.
 */
import autocannon from 'autocannon';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeScript } from '../scripts/lib/app-process';
import { atLeast, atMost, type Benchmark } from './lib/benchmark';
import { startBenchStack } from './lib/bench-stack';
import { createHttpClient, expectStatus } from './lib/http-client';
import { cpuMsOf } from './lib/machine';
import { signInAs } from './lib/sign-in';
import { median, round } from './lib/stats';

const CLUSTERS = 100;
const CONNECTIONS = 20;
const DURATION_S = 8;
const ROUNDS = 5;

interface Target {
  url: string;
  headers: Record<string, string>;
  /** The process whose CPU time is counted, when it is ours to count. */
  pid?: number;
}

interface Load {
  rps: number;
  p99: number;
  cpuUsPerRequest: number;
}

async function load(target: Target): Promise<Load> {
  const cpuBefore = target.pid === undefined ? 0 : cpuMsOf(target.pid);
  const result = await autocannon({
    url: target.url,
    headers: target.headers,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  const cpuMs = target.pid === undefined ? 0 : cpuMsOf(target.pid) - cpuBefore;
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `load on ${target.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, result.requests.total),
  };
}

/** The median over the rounds of `of(round)`. */
function acrossRounds<T>(rounds: T[], of: (round: T) => number): number {
  return median(rounds.map(of));
}

export const proxyBenchmark: Benchmark = {
  name: 'proxy',
  description: `GET /api/v1/clusters (${CLUSTERS} clusters), ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} rounds of direct, via the BFF, via a bare proxy`,
  budgets: [atLeast('bff_to_floor_rps_ratio', 0.85), atMost('bff_over_floor_p99_ms', 5)],
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
      const direct: Target = {
        url: `${stack.clustersApi.url}/api/v1/clusters`,
        headers: { authorization: 'Bearer glpat-local-maintainer' },
      };
      const viaBff: Target = {
        url: `${bff.url}/api/v1/clusters`,
        headers: { cookie: session.header },
        pid: bff.child.pid,
      };
      const viaFloor: Target = {
        url: `${bareProxy.url}/api/v1/clusters`,
        headers: {},
        pid: bareProxy.child.pid,
      };
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

      const rounds: { direct: Load; bff: Load; floor: Load }[] = [];
      for (let index = 1; index <= ROUNDS; index += 1) {
        const one = {
          direct: await load(direct),
          bff: await load(viaBff),
          floor: await load(viaFloor),
        };
        rounds.push(one);
        log(
          `  round ${index}: direct ${one.direct.rps.toFixed(0)} rps p99 ${one.direct.p99} ms; ` +
            `via BFF ${one.bff.rps.toFixed(0)} rps p99 ${one.bff.p99} ms ${one.bff.cpuUsPerRequest.toFixed(0)} µs CPU/request; ` +
            `via bare proxy ${one.floor.rps.toFixed(0)} rps p99 ${one.floor.p99} ms ${one.floor.cpuUsPerRequest.toFixed(0)} µs CPU/request`,
        );
      }
      return {
        direct_rps: round(
          acrossRounds(rounds, (r) => r.direct.rps),
          0,
        ),
        bff_rps: round(
          acrossRounds(rounds, (r) => r.bff.rps),
          0,
        ),
        floor_rps: round(
          acrossRounds(rounds, (r) => r.floor.rps),
          0,
        ),
        bff_to_floor_rps_ratio: round(
          acrossRounds(rounds, (r) => r.bff.rps / r.floor.rps),
          2,
        ),
        floor_to_direct_rps_ratio: round(
          acrossRounds(rounds, (r) => r.floor.rps / r.direct.rps),
          2,
        ),
        direct_p99_ms: round(acrossRounds(rounds, (r) => r.direct.p99)),
        bff_p99_ms: round(acrossRounds(rounds, (r) => r.bff.p99)),
        floor_p99_ms: round(acrossRounds(rounds, (r) => r.floor.p99)),
        bff_over_floor_p99_ms: round(acrossRounds(rounds, (r) => r.bff.p99 - r.floor.p99)),
        bff_cpu_us_per_request: round(
          acrossRounds(rounds, (r) => r.bff.cpuUsPerRequest),
          0,
        ),
        floor_cpu_us_per_request: round(
          acrossRounds(rounds, (r) => r.floor.cpuUsPerRequest),
          0,
        ),
      };
    } finally {
      await bareProxy.stop();
      await stack.stop();
    }
  },
};
