import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLUSTERS, kubeconfigFor, type LocalKube } from '@cluster-console/local-kube';

/** A kubeconfig file for `user` of the stand-in (its token, its CA), written into `dir`. */
export function writeKubeconfig(
  kube: LocalKube,
  dir: string,
  user: string,
  token?: string,
): string {
  const file = path.join(dir, `kubeconfig-${user}`);
  writeFileSync(
    file,
    kubeconfigFor({
      server: kube.url,
      caPem: kube.authority.certPem,
      token: token ?? kube.credentials[user]?.token ?? '',
    }),
    { mode: 0o600 },
  );
  return file;
}

/** A Cluster resource as Argo CD creates it from a file: a spec, no status yet. */
export function createCluster(kube: LocalKube, name: string, finalizers: string[] = []) {
  return kube.store.create(CLUSTERS, 'nautes', {
    apiVersion: 'nautes.resource.nautes.io/v1alpha1',
    kind: 'Cluster',
    metadata: { name, namespace: 'nautes', finalizers },
    spec: { apiServer: 'https://10.0.0.5:6443', clusterType: 'physical', usage: 'host' },
  });
}

/** cluster-operator's status write: SecretStoreReady with this outcome. */
export function writeCondition(kube: LocalKube, name: string, ok: boolean, message = '') {
  return kube.store.modify(
    CLUSTERS,
    'nautes',
    name,
    (current) => ({
      ...current,
      status: {
        conditions: [
          {
            type: 'SecretStoreReady',
            status: ok ? 'True' : 'False',
            reason: 'RegularUpdate',
            message,
            lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          },
        ],
      },
    }),
    { subresource: 'status' },
  );
}
