import type { StatusReason } from '@cluster-console/shared';

/** Advice for the condition types the Nautes operators write (their meaning: the contract). */
const CONDITION_ADVICE: Readonly<Record<string, string>> = {
  SecretStoreReady: 'status.advice.secretStore',
  EntryPointCollected: 'status.advice.entryPoints',
  ClusterSyncToArgocd: 'status.advice.argocd',
  ProductInfoUpdated: 'status.advice.productInfo',
};

/** What the user can do about a status, as the key of its words; null when nothing. */
export function adviceKey(reason: StatusReason): string | null {
  switch (reason.code) {
    case 'not-configured':
      return 'status.advice.notConfigured';
    case 'watch-starting':
      return null;
    case 'watch-down':
      return 'status.advice.watchDown';
    case 'deleting':
      return 'status.advice.deleting';
    case 'sync-failed':
      return 'status.advice.syncFailed';
    case 'waiting-create':
    case 'waiting-change':
    case 'waiting-removal':
      return 'status.advice.waiting';
    case 'removed':
    case 'ready':
      return null;
    case 'no-conditions':
    case 'condition-unknown':
    case 'spec-not-applied':
      return 'status.advice.reconciling';
    case 'condition-false':
      return CONDITION_ADVICE[reason.type] ?? 'status.advice.conditionFalse';
    case 'no-heartbeat':
      return 'status.advice.noHeartbeat';
    case 'warnings':
      return 'status.advice.warnings';
  }
}
