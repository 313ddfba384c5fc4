// What other features may use of the cluster list and pages; everything else here is its own.
export { useClusters } from './api/get-clusters';
export { clusterPath } from './lib/cluster-paths';
