import { readFileSync } from 'node:fs';
import { stackInfoFile } from './paths';

export interface StackInfo {
  bffUrl: string;
  gitlabUrl: string;
  clustersApiUrl: string;
  /** Where the path-prefix journey's proxy listens: `http://127.0.0.1:<port>/console`. */
  prefixedUrl: string;
  dataDir: string;
  /** Reserved for the two-replica journey's balancer, a registered redirect origin at GitLab. */
  replicasUrl: string;
  /** The console's client secret at the local GitLab (random per run; the file is removed after). */
  clientSecret: string;
  /**
   * The local management cluster's kubeconfig (apps/local-kube): current context read-only
   * (what the BFF uses), context `local-kube-admin` may write (e.g. a failing condition).
   */
  managementKubeconfigPath: string;
}

let cached: StackInfo | undefined;

/** The addresses of the stack global setup started (written to a file: workers are separate processes). */
export function stackInfo(): StackInfo {
  cached ??= JSON.parse(readFileSync(stackInfoFile, 'utf8')) as StackInfo;
  return cached;
}
