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

/** "Virtual · Worker · Pipeline": the parts a cluster (or a file's draft of one) has, in words. */
export function describeKind(
  t: TFunction,
  kind: {
    cluster_type?: string | undefined;
    usage?: string | undefined;
    worker_type?: string | undefined;
  },
): string {
  return [
    clusterTypeLabel(t, kind.cluster_type),
    usageLabel(t, kind.usage),
    workerTypeLabel(t, kind.worker_type),
  ]
    .filter(Boolean)
    .join(' · ');
}

export function describeCluster(t: TFunction, cluster: Cluster): string {
  return describeKind(t, cluster);
}
