/**
 * Runs a batch's steps one request at a time, in order (the Nautes API has no batch call, and
 * one at a time keeps the tenant repository's history readable and the server unhurried). A
 * failure stops nothing else, except the steps that need what failed: those are skipped, with
 * the reason.
 */
import type { BatchCluster, BatchStep } from './batch-order';

export type BatchOutcome =
  | { name: string; result: 'done'; message: string }
  | { name: string; result: 'failed'; message: string }
  | { name: string; result: 'skipped'; needs: string };

export interface RunBatchOptions<T extends BatchCluster> {
  steps: readonly BatchStep<T>[];
  /** Sends one cluster's request; resolves to the server's message, rejects with its error. */
  act: (cluster: T) => Promise<string>;
  /** Called as each cluster starts (`running`) and ends (its outcome). */
  onProgress?: (name: string, outcome: BatchOutcome | 'running') => void;
  /** Stops before the next step when aborted (what was sent stays sent). */
  signal?: AbortSignal;
  /** Words for a rejection that is not an Error. */
  describeError?: (error: unknown) => string;
}

export async function runBatch<T extends BatchCluster>(
  options: RunBatchOptions<T>,
): Promise<BatchOutcome[]> {
  const outcomes = new Map<string, BatchOutcome>();
  const describe =
    options.describeError ??
    ((error: unknown) => (error instanceof Error ? error.message : String(error)));
  for (const { cluster, needs } of options.steps) {
    if (options.signal?.aborted) break;
    const unmet = needs.find((name) => outcomes.get(name)?.result !== 'done');
    let outcome: BatchOutcome;
    if (unmet !== undefined) {
      outcome = { name: cluster.name, result: 'skipped', needs: unmet };
    } else {
      options.onProgress?.(cluster.name, 'running');
      try {
        outcome = { name: cluster.name, result: 'done', message: await options.act(cluster) };
      } catch (error) {
        outcome = { name: cluster.name, result: 'failed', message: describe(error) };
      }
    }
    outcomes.set(cluster.name, outcome);
    options.onProgress?.(cluster.name, outcome);
  }
  return [...outcomes.values()];
}
