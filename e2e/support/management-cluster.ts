import { execFileSync } from 'node:child_process';
import { stackInfo } from './stack-info';

/**
 * The suite's local management cluster (apps/local-kube), as an operator or an administrator
 * reaches it: Debian's kubectl with the kubeconfig the stack wrote (its admin context).
 */
export function kubectl(args: string[], input?: string): string {
  // The admin context: the current one is the BFF's read-only watcher.
  const kubeconfig = stackInfo().managementKubeconfigPath;
  return execFileSync(
    'kubectl',
    ['--kubeconfig', kubeconfig, '--context', 'local-kube-admin', ...args],
    {
      encoding: 'utf8',
      input,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
}

const CLUSTERS = 'clusters.nautes.resource.nautes.io';

/**
 * Writes a failed condition on a Cluster resource through its status subresource, as
 * cluster-operator does when the secret store refuses the kubeconfig: SecretStoreReady False
 * with the operator's message, the other conditions kept.
 */
export function reportSecretStoreFailure(name: string, message: string): void {
  const resource = JSON.parse(kubectl(['get', CLUSTERS, name, '-n', 'nautes', '-o', 'json'])) as {
    status?: { conditions?: { type: string }[] };
  };
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const others = (resource.status?.conditions ?? []).filter(
    (condition) => condition.type !== 'SecretStoreReady',
  );
  const conditions = [
    {
      type: 'SecretStoreReady',
      status: 'False',
      reason: 'RegularUpdate',
      message,
      lastTransitionTime: now,
    },
    ...others,
  ];
  kubectl([
    'patch',
    CLUSTERS,
    name,
    '-n',
    'nautes',
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { conditions } }),
  ]);
}
