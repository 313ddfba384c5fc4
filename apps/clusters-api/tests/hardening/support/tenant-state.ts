/**
 * What the tenant repository and the secret store hold, read from disk the way an operator
 * would check them after an incident: every cluster file, the kustomization, every stored
 * kubeconfig (decrypted), and anything that should not be there (temporary files).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CLUSTERS_DIR,
  KUSTOMIZATION_PATH,
  kubeconfigSecretLocation,
  parseClusterResourceYaml,
  parseKustomizationResources,
} from '@cluster-console/shared';
import { SecretStore } from '../../../src/secrets/secret-store';
import { listFilesRecursively } from '../../../../../scripts/lib/test-support';

export interface ClusterFile {
  clusterType: string;
  primaryDomain: string | undefined;
}

export interface TenantState {
  /** Cluster files by name (from `<name>.yaml`). */
  files: Map<string, ClusterFile>;
  /** Files in the clusters folder that are neither a parsable cluster nor the kustomization. */
  badFiles: string[];
  kustomization: string[];
  /** Stored kubeconfigs by cluster name. */
  secrets: Map<string, string>;
  /** Secret files that do not decrypt, and temporary files left in the secrets folder. */
  badSecrets: string[];
}

/** Reads a checkout of the tenant repository and the secret store next to it. */
export async function readTenantState(
  checkout: string,
  secretsDir: string,
  key: Buffer,
): Promise<TenantState> {
  const files = new Map<string, ClusterFile>();
  const badFiles: string[] = [];
  for (const file of listFilesRecursively(path.join(checkout, CLUSTERS_DIR))) {
    const relative = path.relative(checkout, file);
    if (relative === KUSTOMIZATION_PATH) continue;
    const name = /^([a-z0-9-]+)\.yaml$/.exec(path.basename(file))?.[1];
    try {
      if (!name) throw new Error('not a cluster file name');
      const resource = parseClusterResourceYaml(readFileSync(file, 'utf8'));
      if (resource.metadata.name !== name) throw new Error('name differs');
      files.set(name, {
        clusterType: resource.spec.clusterType,
        primaryDomain: resource.spec.primaryDomain,
      });
    } catch {
      badFiles.push(relative);
    }
  }
  const kustomization = parseKustomizationResources(
    readFileSync(path.join(checkout, KUSTOMIZATION_PATH), 'utf8'),
  );

  const store = new SecretStore(secretsDir, key);
  const secrets = new Map<string, string>();
  const badSecrets: string[] = [];
  const root = path.join(secretsDir, 'cluster', 'kubernetes');
  for (const file of listFilesRecursively(secretsDir)) {
    const relative = path.relative(root, file);
    const name = /^([a-z0-9-]+)\/default\/admin\.secret\.json$/.exec(relative)?.[1];
    if (!name) {
      badSecrets.push(path.relative(secretsDir, file));
      continue;
    }
    const location = kubeconfigSecretLocation(name);
    try {
      const data = await store.get(location);
      const kubeconfig = data?.[location.key];
      if (kubeconfig === undefined) throw new Error('no kubeconfig key');
      secrets.set(name, kubeconfig);
    } catch {
      badSecrets.push(path.relative(secretsDir, file));
    }
  }
  return { files, badFiles, kustomization, secrets, badSecrets };
}

/**
 * Files an interrupted write leaves behind: temporary files of atomic writes (`.x.tmp-<hex>`)
 * and lock files, anywhere under `dir` (the service's data directory).
 */
export function leftovers(dir: string): string[] {
  return listFilesRecursively(dir)
    .map((file) => path.relative(dir, file))
    .filter((file) => /\.tmp-[0-9a-f]+$/.test(file) || file.endsWith('.lock'));
}

/** `git fsck` of a repository; throws (with git's output) when it finds corruption. */
export function fsck(repo: string): void {
  if (!existsSync(repo)) return;
  execFileSync('git', ['fsck', '--full', '--strict', '--no-dangling', '--no-progress'], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The process and every process it started (git children), deepest first. */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // gone already
  }
  return [...children.flatMap(processTree), pid];
}

/**
 * SIGKILL for the process and its children at once, as when a container or a systemd unit
 * is killed: no git child survives to finish what the parent started.
 */
export function killTree(pid: number): void {
  const tree = processTree(pid);
  for (const target of [pid, ...tree.filter((p) => p !== pid)]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
