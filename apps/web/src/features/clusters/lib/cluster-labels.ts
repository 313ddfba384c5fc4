import type { TFunction } from 'i18next';
import type { Cluster } from '@cluster-console/shared';

/** Translated words for the contract's enum values; unknown values are shown as they are. */
export function clusterTypeLabel(t: TFunction, value: string | undefined): string {
  return value ? t(`cluster.type.${value}`, { defaultValue: value }) : '';
}

export function usageLabel(t: TFunction, value: string | undefined): string {
  return value ? t(`cluster.usage.${value}`, { defaultValue: value }) : '';
}

export function workerTypeLabel(t: TFunction, value: string | undefined): string {
  return value ? t(`cluster.workerType.${value}`, { defaultValue: value }) : '';
}

export function describeCluster(t: TFunction, cluster: Cluster): string {
  const parts = [clusterTypeLabel(t, cluster.cluster_type), usageLabel(t, cluster.usage)];
  if (cluster.worker_type) parts.push(workerTypeLabel(t, cluster.worker_type));
  return parts.join(' · ');
}
