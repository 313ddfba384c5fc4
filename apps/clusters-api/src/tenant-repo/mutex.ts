/** A promise-chain mutex: tasks run one at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  get busy(): boolean {
    return this.pending > 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(task).finally(() => {
      this.pending -= 1;
    });
    // The chain must survive a failing task.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
