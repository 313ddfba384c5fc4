import type { ClusterStatus } from '@cluster-console/shared';

export type StepKey = 'saved' | 'synced' | 'ready';
export type StepState = 'done' | 'current' | 'failed' | 'pending';

export interface ProgressStep {
  key: StepKey;
  state: StepState;
  /** This step is where the status's reason (and what to do) belongs. */
  explains: boolean;
}

function steps(synced: StepState, ready: StepState, explains: StepKey | null): ProgressStep[] {
  return [
    { key: 'saved', state: 'done', explains: false },
    { key: 'synced', state: synced, explains: explains === 'synced' },
    { key: 'ready', state: ready, explains: explains === 'ready' },
  ];
}

/**
 * "Saved in Git → Synced to the management cluster → Ready" for a cluster just saved: which
 * step it has reached, and which one failed. The save itself is done (this page shows after
 * it); the rest is read from the cluster's live status.
 */
export function progressSteps(status: ClusterStatus): ProgressStep[] {
  switch (status.state) {
    case 'waiting-for-sync':
      return steps('current', 'pending', 'synced');
    case 'sync-failed':
      return steps('failed', 'pending', 'synced');
    case 'reconciling':
    case 'deleting':
      return steps('done', 'current', 'ready');
    case 'error':
      return steps('done', 'failed', 'ready');
    case 'warning':
      return steps('done', 'done', 'ready');
    case 'ready':
      return steps('done', 'done', null);
    case 'stale':
      // The operators went quiet after the resource was made; or the console cannot see.
      return status.reason.code === 'no-heartbeat'
        ? steps('done', 'current', 'ready')
        : steps('current', 'pending', 'synced');
    case 'not-configured':
      return steps('pending', 'pending', null);
  }
}
