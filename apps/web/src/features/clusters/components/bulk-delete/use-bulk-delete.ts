import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { runBatch, type BatchOutcome, type BatchStep, type Cluster } from '@cluster-console/shared';
import { deleteCluster } from '../../api/delete-cluster';
import { clusterQueryOptions } from '../../api/get-cluster';
import { clustersQueryOptions } from '../../api/get-clusters';

/** A cluster's progress: not started, being deleted, or its outcome. */
export type DeleteProgress = 'waiting' | 'running' | BatchOutcome;

/**
 * Deletes the planned clusters one request at a time with the existing delete call, virtual
 * clusters before their host (the plan's order); a host whose virtual cluster failed is
 * skipped. Then the list is refetched (Recently deleted asks the server on every visit).
 */
export function useBulkDelete(steps: readonly BatchStep<Cluster>[]) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ReadonlyMap<string, DeleteProgress>>(new Map());
  const [phase, setPhase] = useState<'confirm' | 'running' | 'done'>('confirm');
  const [outcomes, setOutcomes] = useState<BatchOutcome[]>([]);

  const start = async () => {
    setPhase('running');
    setProgress(new Map(steps.map((step) => [step.cluster.name, 'waiting'])));
    const results = await runBatch({
      steps,
      act: async (cluster) => (await deleteCluster(cluster.name)).message,
      onProgress: (name, outcome) => setProgress((old) => new Map(old).set(name, outcome)),
    });
    const deleted = new Set(results.filter((r) => r.result === 'done').map((r) => r.name));
    // The rows go away at once; the refetch then confirms the server's view.
    queryClient.setQueryData<Cluster[]>(clustersQueryOptions().queryKey, (items) =>
      items?.filter((cluster) => !deleted.has(cluster.name)),
    );
    for (const name of deleted) {
      queryClient.removeQueries({ queryKey: clusterQueryOptions(name).queryKey });
    }
    void queryClient.invalidateQueries({ queryKey: clustersQueryOptions().queryKey });
    setOutcomes(results);
    setPhase('done');
  };

  return { phase, progress, outcomes, start: () => void start() };
}
