// The save body's cross-field rules, apart from its shape so they also run on a body of wrong types.
import { kubeconfigProblem } from '../kubeconfig/inspect-kubeconfig';
import { validateClusterName } from './cluster-name';
import { CLUSTER_TYPES, CLUSTER_USAGES } from './cluster-kinds';

export interface SaveBodyOptions {
  /**
   * An update of an existing physical cluster may leave the kubeconfig out to keep the stored
   * one; the clusters API passes true then. A kubeconfig that is given is still checked.
   */
  kubeconfigOptional?: boolean;
}

const NAMESPACE_PROBLEM = (ns: string) =>
  `"${ns}" is not a namespace name: use lowercase letters, digits and "-", at most 63 characters.`;

export interface SaveBodyIssue {
  path: string;
  message: string;
}

function presentString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function member<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

/**
 * The cross-field rules (combinations, required-when, the kubeconfig of physical clusters).
 * Works on any object so it can run even when some fields have the wrong type; a value of the
 * wrong type is reported by the shape and skipped here.
 */
export function saveBodyRuleIssues(
  body: Record<string, unknown>,
  options: SaveBodyOptions = {},
): SaveBodyIssue[] {
  const issues: SaveBodyIssue[] = [];
  const type = member(CLUSTER_TYPES, body.cluster_type);
  const usage = member(CLUSTER_USAGES, body.usage);
  const absent = (key: string) => body[key] === undefined || body[key] === '';

  if (type === 'virtual' && usage === 'host') {
    issues.push({
      path: 'usage',
      message:
        'A virtual cluster can only be a worker: choose usage "worker", or cluster type "physical" for a host cluster.',
    });
  }
  if (usage === 'worker' && absent('worker_type')) {
    issues.push({
      path: 'worker_type',
      message:
        'Choose the worker type of this worker cluster: "pipeline" (runs Tekton pipelines) or "deployment" (runs ArgoCD deployments).',
    });
  }
  const workerType = presentString(body.worker_type);
  if (usage === 'host' && workerType !== undefined) {
    issues.push({
      path: 'worker_type',
      message: `Leave worker_type empty for a host cluster (got "${workerType}"); only worker clusters have a worker type.`,
    });
  }
  if (type === 'virtual' && absent('host_cluster')) {
    issues.push({
      path: 'host_cluster',
      message:
        'Name the registered host cluster this virtual cluster runs on, e.g. "cluster-host".',
    });
  }
  const hostCluster = presentString(body.host_cluster);
  if (type === 'physical' && hostCluster !== undefined) {
    issues.push({
      path: 'host_cluster',
      message: `Leave host_cluster empty for a physical cluster (got "${hostCluster}"); only virtual clusters run on a host cluster.`,
    });
  }
  const reserved = body.reserved_namespaces_allowed_products;
  if (reserved !== null && typeof reserved === 'object' && !Array.isArray(reserved)) {
    for (const ns of Object.keys(reserved)) {
      if (validateClusterName(ns) !== undefined) {
        issues.push({
          path: `reserved_namespaces_allowed_products.${ns}`,
          message: NAMESPACE_PROBLEM(ns),
        });
      }
    }
  }
  if (type === 'physical') {
    const kubeconfig = body.kubeconfig;
    if (absent('kubeconfig') && options.kubeconfigOptional !== true) {
      issues.push({
        path: 'kubeconfig',
        message:
          'Paste the kubeconfig of this physical cluster (YAML or base64), as "kubectl config view --raw --minify" prints it.',
      });
    } else if (typeof kubeconfig === 'string' && kubeconfig !== '') {
      const problem = kubeconfigProblem(kubeconfig);
      if (problem !== undefined) issues.push({ path: 'kubeconfig', message: problem });
    }
  }
  return issues;
}
