import type { Benchmark, Figures } from './benchmark';
import { formatMachine, type MachineDescription } from './machine';

export interface BudgetOutcome {
  benchmark: string;
  figure: string;
  label: string;
  met: boolean;
}

export function checkBudgets(benchmarks: Benchmark[], results: Record<string, Figures>) {
  const outcomes: BudgetOutcome[] = [];
  for (const benchmark of benchmarks) {
    const figures = results[benchmark.name];
    if (!figures) continue;
    for (const budget of benchmark.budgets) {
      outcomes.push({
        benchmark: benchmark.name,
        figure: budget.figure,
        label: budget.label,
        met: budget.check(figures),
      });
    }
  }
  return outcomes;
}

/** A Markdown table (readable as plain text too): one row per figure, its budget if any. */
export function formatTable(
  benchmarks: Benchmark[],
  results: Record<string, Figures>,
  outcomes: BudgetOutcome[],
): string {
  const rows: string[][] = [['benchmark', 'figure', 'value', 'budget']];
  for (const benchmark of benchmarks) {
    const figures = results[benchmark.name];
    if (!figures) continue;
    let first = true;
    for (const [figure, value] of Object.entries(figures)) {
      const budgets = outcomes
        .filter((outcome) => outcome.benchmark === benchmark.name && outcome.figure === figure)
        .map((outcome) => `${outcome.label} ${outcome.met ? 'ok' : 'MISSED'}`)
        .join('; ');
      rows.push([first ? benchmark.name : '', figure, String(value), budgets]);
      first = false;
    }
  }
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`;
  const separator = `| ${widths.map((width, column) => (column === 2 ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), separator, ...body.map(line)].join('\n');
}

/**
 * latest.md: this run's machine, load and time, then every benchmark latest.json holds. A partial
 * run replaces only its own entries there, so the file says which rows it measured; the report
 * and the record then never disagree.
 */
export function formatRecord(
  machine: MachineDescription,
  loadAfter: number[],
  seconds: number,
  measured: { thisRun: string[]; earlier: string[] },
  table: string,
): string {
  const earlier =
    measured.earlier.length > 0
      ? `; from earlier runs (\`git log bench/results\` says when): ${measured.earlier.join(', ')}`
      : '';
  return `${formatMachine(machine, loadAfter)}\ntotal time: ${Math.round(seconds)} s\nmeasured by this run: ${measured.thisRun.join(', ')}${earlier}\n\n${table}\n`;
}

export function formatReport(
  machine: MachineDescription,
  loadAfter: number[],
  table: string,
  seconds: number,
): string {
  return `${formatMachine(machine, loadAfter)}\ntotal time: ${Math.round(seconds)} s\n\n${table}\n`;
}
