// The kinds, types, usages and worker types a cluster can have: the save body's choices.
export const CLUSTER_KINDS = ['kubernetes'] as const;
export const CLUSTER_TYPES = ['physical', 'virtual'] as const;
export const CLUSTER_USAGES = ['host', 'worker'] as const;
export const WORKER_TYPES = ['pipeline', 'deployment'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];
export type ClusterType = (typeof CLUSTER_TYPES)[number];
export type ClusterUsage = (typeof CLUSTER_USAGES)[number];
export type WorkerType = (typeof WORKER_TYPES)[number];
