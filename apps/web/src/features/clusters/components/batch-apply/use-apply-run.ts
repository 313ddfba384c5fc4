import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { applyOrder, runBatch, type BatchOutcome } from '@cluster-console/shared';
import { saveCluster } from '../../api/save-cluster';
import { clustersQueryOptions } from '../../api/get-clusters';
import type { ApplyRow } from '../../lib/plan-apply';

/** A row's progress: not started, being sent, or its outcome. */
export type RowProgress = 'waiting' | 'running' | BatchOutcome;

/** Thrown for a row with problems: it is never sent, and what needs it is skipped. */
class NotSent extends Error {}

/**
 * Sends the reviewed rows, one request per cluster in dependency order (hosts before the
 * virtual clusters on them); a row with problems is not sent and its dependants are skipped.
 */
export function useApplyRun(rows: readonly ApplyRow[]) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ReadonlyMap<string, RowProgress>>(new Map());
  const [phase, setPhase] = useState<'review' | 'running' | 'done'>('review');
  const controller = useRef<AbortController | null>(null);

  const start = async () => {
    controller.current = new AbortController();
    setPhase('running');
    const keyed = rows.map((row) => ({ ...row, name: row.name || `#${row.index}` }));
    setProgress(new Map(keyed.map((row) => [row.name, 'waiting'])));
    await runBatch({
      steps: applyOrder(keyed),
      signal: controller.current.signal,
      act: async (row) => {
        if (!row.body) throw new NotSent();
        const reply = await saveCluster({ name: row.name, body: row.body });
        return reply.message;
      },
      describeError: (error) => (error instanceof NotSent ? '' : (error as Error).message),
      onProgress: (name, outcome) => setProgress((old) => new Map(old).set(name, outcome)),
    });
    void queryClient.invalidateQueries({ queryKey: clustersQueryOptions().queryKey });
    setPhase('done');
  };

  return {
    phase,
    progress,
    start: () => void start(),
    /** Stops before the next cluster (what was sent stays sent). */
    stop: () => controller.current?.abort(),
  };
}
