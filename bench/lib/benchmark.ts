/** A benchmark: a name (the key in latest.json) and a run that returns its figures. */
export type Figures = Record<string, number>;

export interface Benchmark {
  name: string;
  /** One line for the table's heading. */
  description: string;
  /** Budgets on the figures: shown in the table, and `pnpm bench` fails when one is missed. */
  budgets: Budget[];
  run(log: (message: string) => void): Promise<Figures>;
}

export interface Budget {
  /** A figure name, or a label for a derived check. */
  figure: string;
  label: string;
  check(figures: Figures): boolean;
}

export function atMost(figure: string, limit: number, unit = ''): Budget {
  return {
    figure,
    label: `<= ${limit}${unit}`,
    check: (figures) => (figures[figure] ?? Number.POSITIVE_INFINITY) <= limit,
  };
}

export function atLeast(figure: string, limit: number): Budget {
  return {
    figure,
    label: `>= ${limit}`,
    check: (figures) => (figures[figure] ?? Number.NEGATIVE_INFINITY) >= limit,
  };
}
