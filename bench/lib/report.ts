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
 * The line latest.md adds under the header: a partial run replaces only its own entries in
 * latest.json, and latest.md shows all of them, so it says which rows this run measured.
 */
export function measuredNote(thisRun: string[], earlier: string[]): string {
  const kept =
    earlier.length > 0
      ? `; from earlier runs (\`git log bench/results\` says when): ${earlier.join(', ')}`
      : '';
  return `measured by this run: ${thisRun.join(', ')}${kept}`;
}

/** The machine, its load, the run's time, an optional note, then the table. */
export function formatReport(
  machine: MachineDescription,
  loadAfter: number[],
  table: string,
  seconds: number,
  note?: string,
): string {
  const header = `${formatMachine(machine, loadAfter)}\ntotal time: ${Math.round(seconds)} s`;
  return `${note === undefined ? header : `${header}\n${note}`}\n\n${table}\n`;
}
