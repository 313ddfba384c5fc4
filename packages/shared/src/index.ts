// The one barrel of @cluster-console/shared: the clusters API contract as code.
export * from './api/paths';
export * from './clusters/cluster-name';
export * from './clusters/field-rules';
export * from './clusters/save-body.schema';
export * from './clusters/defaults';
export * from './clusters/cluster.schema';
export * from './clusters/cluster-resource';
export * from './clusters/kustomization';
export * from './clusters/field-selector';
export * from './errors/api-error.schema';
export * from './kubeconfig/read-kubeconfig';
export * from './kubeconfig/loopback';
export * from './kubeconfig/inspect-kubeconfig';
export * from './kubeconfig/reduce-kubeconfig';
