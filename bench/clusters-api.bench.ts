/**
 * `clusters_api`: save, get and list latency of the clusters API alone (real process, real
 * local GitLab, one request at a time) with 0, 1,000 and 5,000 clusters already in the tenant
 * repository, and the process's memory at 5,000. Each latency is the median of 60 requests.
 * With each save latency, the CPU time a save costs (clusters API, local GitLab and the git
 * processes it runs, summed), which the machine's load sways much less than latency; at 1,000,
 * a push alone at the local GitLab for comparison (the part of a save that is GitLab's).
 *
 * The save budget is on the clusters API's own share of a save at 1,000 clusters: its p50 minus
 * a push alone's. The rest is the Git server's: real `git receive-pack` at the local GitLab
 * (as strict as a real server: fsck on receive, a connectivity check), real GitLab in
 * production; neither is this code's to make faster, and the budget is there to judge this
 * code (our own Git objects against a library, apps/clusters-api/README.md). The whole save's
 * p50 is reported beside it.
 */
import { atMost, type Benchmark, type Figures } from './lib/benchmark';
import { startBenchStack } from './lib/bench-stack';
import { saveRequestBody, seededName } from './lib/cluster-fixtures';
import { createHttpClient, expectStatus, type HttpClient } from './lib/http-client';
import { rssMbOf } from './lib/machine';
import { measurePushFloor } from './lib/push-floor';
import { cpuPerOperation, stackCpu, totalCpu, type StackPids } from './lib/stack-cpu';
import { median, quantile, round } from './lib/stats';

const SIZES = [0, 1000, 5000] as const;
const SAMPLES = 60;
const WARM_UP = 5;
const AUTH = { authorization: 'Bearer glpat-local-maintainer' };
/** Pushes measured alone at the local GitLab, for comparison with a save. */
const PUSHES = 20;

function pidOf(pid: number | undefined): number {
  if (pid === undefined) throw new Error('a process of the stack has no pid');
  return pid;
}

async function measure(
  samples: number,
  once: (index: number) => Promise<number>,
): Promise<number[]> {
  for (let index = 0; index < WARM_UP; index += 1) await once(-1 - index);
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) times.push(await once(index));
  return times;
}

async function measureAt(
  http: HttpClient,
  apiUrl: string,
  size: number,
  log: (message: string) => void,
  pids: StackPids,
): Promise<Figures> {
  const base = `${apiUrl}/api/v1/clusters`;
  const list = await measure(SAMPLES, async () => {
    const response = await http.request(base, { headers: AUTH });
    expectStatus(response, 200, 'list');
    return response.ms;
  });
  const count = (JSON.parse((await http.request(base, { headers: AUTH })).body) as { items: [] })
    .items.length;
  if (count !== size) throw new Error(`expected ${size} clusters listed, got ${count}`);
  const get = await measure(SAMPLES, async (index) => {
    const name = size > 0 ? seededName(Math.abs(index * 7919) % size) : 'missing';
    const response = await http.request(`${base}/${name}`, { headers: AUTH });
    expectStatus(response, size > 0 ? 200 : 404, 'get');
    return response.ms;
  });
  const cpuBefore = stackCpu(pids);
  const save = await measure(SAMPLES, async (index) => {
    const name = `bench-save-${size}-${index < 0 ? `w${-index}` : index}`;
    const response = await http.request(`${base}/${name}`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(saveRequestBody(index + 1000)),
    });
    expectStatus(response, 200, 'save');
    return response.ms;
  });
  const cpu = cpuPerOperation(cpuBefore, stackCpu(pids), SAMPLES + WARM_UP);
  log(
    `  at ${size}: save p50 ${median(save).toFixed(1)} ms, list p50 ${median(list).toFixed(1)} ms, get p50 ${median(get).toFixed(1)} ms`,
  );
  log(
    `    CPU per save: clusters API ${cpu.clustersApi.toFixed(1)} ms, local GitLab ${cpu.gitlab.toFixed(1)} ms, its git processes ${cpu.git.toFixed(1)} ms`,
  );
  return {
    [`save_p50_ms_at_${size}`]: round(median(save)),
    [`save_cpu_ms_at_${size}`]: round(totalCpu(cpu)),
    [`save_p99_ms_at_${size}`]: round(quantile(save, 0.99)),
    [`list_p50_ms_at_${size}`]: round(median(list)),
    [`get_p50_ms_at_${size}`]: round(median(get)),
  };
}

export const clustersApiBenchmark: Benchmark = {
  name: 'clusters_api',
  description: `clusters API alone, sequential requests, ${SAMPLES} samples each (after ${WARM_UP} warm-up)`,
  budgets: [
    atMost('save_own_p50_ms_at_1000', 40),
    atMost('list_p50_ms_at_1000', 30),
    // The list may grow with the tenant, but not faster than the tenant does (5x the clusters).
    atMost('list_5000_to_1000_ratio', 6),
  ],
  run: async (log) => {
    const stack = await startBenchStack({ clusters: SIZES[0] });
    const http = createHttpClient();
    const figures: Figures = {};
    try {
      for (const size of SIZES) {
        if (size !== SIZES[0]) {
          log(`  seeding ${size} clusters and restarting the clusters API`);
          await stack.reseed(size);
        }
        const pids = {
          clustersApi: pidOf(stack.clustersApi.child.pid),
          gitlab: pidOf(stack.gitlab.child.pid),
        };
        Object.assign(figures, await measureAt(http, stack.clustersApi.url, size, log, pids));
        if (size === 1000) {
          const before = stackCpu(pids);
          const pushes = await measurePushFloor(stack.gitlab.url, stack.bareRepo, PUSHES);
          const cpu = cpuPerOperation(before, stackCpu(pids), PUSHES);
          log(
            `  for comparison, one push alone at the local GitLab: p50 ${median(pushes).toFixed(1)} ms, CPU ${cpu.gitlab.toFixed(1)} ms + git ${cpu.git.toFixed(1)} ms`,
          );
          figures.push_alone_p50_ms_at_1000 = round(median(pushes));
          figures.save_own_p50_ms_at_1000 = round(
            (figures.save_p50_ms_at_1000 ?? Number.POSITIVE_INFINITY) - median(pushes),
          );
          figures.push_alone_cpu_ms_at_1000 = round(cpu.gitlab + cpu.git);
        }
      }
      figures.list_5000_to_1000_ratio = round(
        (figures.list_p50_ms_at_5000 ?? Number.POSITIVE_INFINITY) /
          (figures.list_p50_ms_at_1000 ?? 0),
        2,
      );
      figures.rss_mb_at_5000 = round(rssMbOf(pidOf(stack.clustersApi.child.pid)));
    } finally {
      http.close();
      await stack.stop();
    }
    return figures;
  },
};
