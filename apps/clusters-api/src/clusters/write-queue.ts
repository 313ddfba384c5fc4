/**
 * Per-process serialisation of writes: one batch at a time, in the order they came.
 * A batch is consecutive writes made with the same token (one push may carry them, which keeps
 * two processes on one remote from starving each other), never two with the same key (so each
 * one's secret is put back independently of the others').
 */
export interface Queued<T> {
  item: T;
  settled: boolean;
  resolve(result: { committed: boolean }): void;
  reject(error: unknown): void;
}

export class WriteQueue<T extends { key: string; token: string }> {
  private readonly waiting: Queued<T>[] = [];
  private draining = false;

  constructor(
    /** Runs one batch; settles every item of it. */
    private readonly runBatch: (batch: Queued<T>[]) => Promise<void>,
    private readonly batchLimit = 20,
  ) {}

  add(item: T): Promise<{ committed: boolean }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, settled: false, resolve, reject });
      void this.drain();
    });
  }

  /** Resolves once nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.draining) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) await this.runBatch(this.takeBatch());
    } finally {
      this.draining = false;
    }
  }

  private takeBatch(): Queued<T>[] {
    const first = this.waiting[0];
    if (!first) return [];
    const keys = new Set([first.item.key]);
    let count = 1;
    for (; count < this.batchLimit; count += 1) {
      const next = this.waiting[count]?.item;
      if (next?.token !== first.item.token || keys.has(next.key)) break;
      keys.add(next.key);
    }
    return this.waiting.splice(0, count);
  }
}
