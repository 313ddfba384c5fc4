/**
 * The English words for a status, for scripts (the JSON route) and logs. The web says the same
 * in the user's language from the reason's code and values (its locale files); operator and
 * Argo CD messages are shown as they were written.
 */
import type { StatusReason } from './derive-status';
import type { ClusterState } from './status.schema';

export const CLUSTER_STATE_LABELS: Readonly<Record<ClusterState, string>> = {
  'not-configured': 'Not configured',
  'waiting-for-sync': 'Waiting for sync',
  'sync-failed': 'Sync failed',
  reconciling: 'Reconciling',
  error: 'Error',
  warning: 'Warning',
  ready: 'Ready',
  deleting: 'Deleting',
  stale: 'Stale',
};

/** "3 min" / "45 s" / "2 h": how long from `since` to `now`, for the words below. */
export function elapsedWords(since: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000));
  if (!Number.isFinite(seconds)) return 'an unknown time';
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

export function describeStatusReason(reason: StatusReason, now: Date): string {
  switch (reason.code) {
    case 'not-configured':
      return `Live status is not configured: ${reason.message}`;
    case 'watch-starting':
      return 'Reading the management cluster…';
    case 'watch-down':
      return reason.since
        ? `The watch of the management cluster is down since ${reason.since}: ${reason.message}`
        : `The watch of the management cluster is down: ${reason.message}`;
    case 'deleting':
      return reason.finalizers.length > 0
        ? `Deletion requested ${elapsedWords(reason.since, now)} ago; waiting for ${reason.finalizers.join(', ')}.`
        : `Deletion requested ${elapsedWords(reason.since, now)} ago.`;
    case 'sync-failed':
      return `Argo CD could not apply the file: ${reason.message}`;
    case 'waiting-create':
      return reason.committed_at
        ? `Saved in Git ${elapsedWords(reason.committed_at, now)} ago; Argo CD has not created the resource yet (it polls about every 3 minutes).`
        : 'Saved in Git; Argo CD has not created the resource yet (it polls about every 3 minutes).';
    case 'waiting-change':
      return 'Changed in Git; Argo CD has not applied the change yet.';
    case 'waiting-removal':
      return 'Removed from Git; Argo CD has not deleted the resource yet.';
    case 'removed':
      return 'Removed from Git and from the management cluster.';
    case 'no-conditions':
      return 'The resource exists; the Nautes operators have not reported yet.';
    case 'condition-unknown':
      return `${reason.type} is not known yet${reason.operator ? ` (${reason.operator})` : ''}${reason.message ? `: ${reason.message}` : '.'}`;
    case 'spec-not-applied':
      return `The current spec is not applied yet by ${reason.operators.join(' and ')}.`;
    case 'condition-false':
      return `${reason.type} failed${reason.operator ? ` (${reason.operator})` : ''}: ${reason.message || 'no message'}`;
    case 'no-heartbeat':
      return `cluster-operator has not reported for ${elapsedWords(reason.last_heartbeat, now)}: it may not be running.`;
    case 'warnings':
      return reason.count > 1
        ? `${reason.count} warnings: ${reason.message}`
        : `Warning: ${reason.message}`;
    case 'ready':
      return 'Ready: registered in Argo CD and the secret store, current spec applied.';
  }
}
