// Texts the CLI file tests share (not exported from the package).

/** The contract's example (nautes-v0.4.md, "The Nautes CLI's cluster file"). */
export const CONTRACT_EXAMPLE = `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: physical-worker-pipeline
  apiServer: https://8.217.50.114:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: worker
  workerType: pipeline
  primaryDomain: 8.217.50.114.nip.io
  kubeconfig: |
    apiVersion: v1
    kind: Config
    ...
  componentsList:
    deployment:
      name: argocd
      namespace: argocd
      additions:
        host: argocd.physical-worker-pipeline.8.217.50.114.nip.io
    gateway:
      name: traefik
      namespace: traefik
      additions:
        httpNodePort: "30080"
        httpsNodePort: "30443"
`;
