/**
 * `pnpm bench [name ...]`: runs the benchmarks (all, or the ones named) one after the other,
 * prints the machine's description and a table of figures with their budgets, and writes
 * bench/results/latest.json (`{ "<benchmark>": { "<figure>": number } }`; a partial run
 * replaces only its own benchmarks' entries) and bench/results/latest.md (all of latest.json as
 * a table, saying which benchmarks this run measured).
 * Exits 1 when a budget is missed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchBenchmark } from './batch.bench';
import { clusterStatusBenchmark } from './cluster-status.bench';
import { clusterStatusBrowserBenchmark } from './cluster-status-browser.bench';
import { clustersApiBenchmark } from './clusters-api.bench';
import { proxyBenchmark } from './proxy.bench';
import { sessionsBenchmark } from './sessions.bench';
import { webBenchmark } from './web.bench';
import type { Benchmark, Figures } from './lib/benchmark';
import { describeMachine } from './lib/machine';
import { checkBudgets, formatReport, formatTable, measuredNote } from './lib/report';

const benchmarks: Benchmark[] = [
  proxyBenchmark,
  clustersApiBenchmark,
  webBenchmark,
  sessionsBenchmark,
  batchBenchmark,
  clusterStatusBenchmark,
  clusterStatusBrowserBenchmark,
];

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

function readPrevious(file: string): Record<string, Figures> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Figures>;
  } catch {
    return {};
  }
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`,
    );
    return 2;
  }
  const selected =
    wanted.length > 0 ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks;
  const machine = describeMachine();
  const started = Date.now();
  const results: Record<string, Figures> = {};
  for (const benchmark of selected) {
    const log = (message: string) => console.error(`[${benchmark.name}] ${message}`);
    log(`${benchmark.description}`);
    const t0 = Date.now();
    results[benchmark.name] = await benchmark.run(log);
    log(`done in ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  const outcomes = checkBudgets(selected, results);
  const table = formatTable(selected, results, outcomes);
  const seconds = (Date.now() - started) / 1000;
  const loadAfter = os.loadavg();
  const report = formatReport(machine, loadAfter, table, seconds);
  console.log(`\n${report}`);

  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, 'latest.json');
  const merged = { ...readPrevious(jsonFile), ...results };
  const ordered: Record<string, Figures> = Object.fromEntries(
    benchmarks.flatMap((b) => {
      const figures = merged[b.name];
      return figures ? [[b.name, figures]] : [];
    }),
  );
  writeFileSync(jsonFile, `${JSON.stringify(ordered, null, 2)}\n`);
  const recorded = benchmarks.filter((b) => ordered[b.name]);
  const recordTable = formatTable(recorded, ordered, checkBudgets(recorded, ordered));
  const note = measuredNote(
    selected.map((b) => b.name),
    recorded.filter((b) => !selected.includes(b)).map((b) => b.name),
  );
  writeFileSync(
    path.join(resultsDir, 'latest.md'),
    formatReport(machine, loadAfter, recordTable, seconds, note),
  );

  const missed = outcomes.filter((outcome) => !outcome.met);
  for (const outcome of missed) {
    console.log(`budget missed: ${outcome.benchmark}.${outcome.figure} ${outcome.label}`);
  }
  return missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
