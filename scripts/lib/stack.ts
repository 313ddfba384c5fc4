/**
 * The whole product as `npm start` runs it: local GitLab, the local management cluster
 * (local-kube: the Kubernetes API stand-in and its operators), clusters API and BFF (which
 * serves the built SPA), each a real child process. Shared by `npm start`, e2e and the benchmarks,
 * so tests run the product the way users do.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startApp, type RunningApp } from './app-process';
import { findFreePort } from './free-port';

export interface StackPorts {
  gitlab: number;
  /** The local management cluster (Kubernetes API stand-in), HTTPS. */
  kube: number;
  clustersApi: number;
  bff: number;
}

export interface StackOptions {
  /** Root of the stack's data; each app gets a folder below it. */
  dataDir: string;
  /** Fixed ports (npm start); free ports are chosen when absent (tests). */
  ports?: Partial<StackPorts>;
  /** Extra environment per app (e.g. a short token lifetime in tests). */
  env?: Partial<Record<'gitlab' | 'kube' | 'clustersApi' | 'bff', Record<string, string>>>;
  echo?: boolean;
  /** Callback URLs of further consoles signing in at this local GitLab (e.g. a balancer's). */
  extraRedirectUris?: string[];
  /** Start the built apps from this release folder (scripts/build-release.mjs) instead of source. */
  release?: string;
}

export interface Stack {
  gitlabUrl: string;
  clustersApiUrl: string;
  bffUrl: string;
  dataDir: string;
  /** The console's OAuth client secret at this local GitLab (random per stack). */
  clientSecret: string;
  /** The local tenant management cluster (apps/local-kube). */
  kubeUrl: string;
  /**
   * Its kubeconfig (CA included, mode 0600): current context `local-kube` is the read-only
   * `cluster-watcher` (token) the BFF uses; context `local-kube-admin` is `kube-admin`
   * (client certificate, system:masters) for tests that write, e.g. a failing condition.
   */
  managementKubeconfigPath: string;
  apps: { gitlab: RunningApp; kube: RunningApp; clustersApi: RunningApp; bff: RunningApp };
  /** Everything every process logged, for assertions that no secret leaked. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { dataDir, env = {}, echo = false, release } = options;
  const ports: StackPorts = {
    gitlab: options.ports?.gitlab ?? (await findFreePort()),
    kube: options.ports?.kube ?? (await findFreePort()),
    clustersApi: options.ports?.clustersApi ?? (await findFreePort()),
    bff: options.ports?.bff ?? (await findFreePort()),
  };
  const gitlabUrl = `http://127.0.0.1:${ports.gitlab}`;
  const bffUrl = `http://127.0.0.1:${ports.bff}`;
  // A fresh client secret per stack rather than the local GitLab's built-in development one,
  // which the BFF refuses with NODE_ENV=production (the default of app-process.ts).
  const clientSecret = randomBytes(24).toString('base64url');
  const started: RunningApp[] = [];
  const stopAll = async () => {
    await Promise.all(started.reverse().map((app) => app.stop()));
  };

  try {
    const gitlab = await startApp('local-gitlab', {
      echo,
      release,
      env: {
        PORT: String(ports.gitlab),
        DATA_DIR: path.join(dataDir, 'local-gitlab'),
        CONSOLE_REDIRECT_URIS: [
          `${bffUrl}/auth/callback`,
          ...(options.extraRedirectUris ?? []),
        ].join(','),
        CONSOLE_CLIENT_SECRET: clientSecret,
        ...env.gitlab,
      },
    });
    started.push(gitlab);
    const managementKubeconfigPath = path.join(dataDir, 'local-kube', 'kubeconfig');
    const kube = await startApp('local-kube', {
      echo,
      release,
      env: {
        PORT: String(ports.kube),
        DATA_DIR: path.join(dataDir, 'local-kube'),
        GITLAB_URL: gitlabUrl,
        ...env.kube,
      },
    });
    started.push(kube);
    const clustersApi = await startApp('clusters-api', {
      echo,
      release,
      env: {
        PORT: String(ports.clustersApi),
        DATA_DIR: path.join(dataDir, 'clusters-api'),
        GITLAB_URL: gitlabUrl,
        TENANT_REPO_URL: `${gitlabUrl}/nautes/tenant-config.git`,
        ...env.clustersApi,
      },
    });
    started.push(clustersApi);
    const bff = await startApp('bff', {
      echo,
      release,
      env: {
        PORT: String(ports.bff),
        PUBLIC_URL: bffUrl,
        GITLAB_URL: gitlabUrl,
        CLUSTERS_API_URL: clustersApi.url,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        GITLAB_CLIENT_SECRET: clientSecret,
        MANAGEMENT_KUBECONFIG: managementKubeconfigPath,
        ARGOCD_APPLICATION: 'nautes',
        ...env.bff,
      },
    });
    started.push(bff);
    return {
      gitlabUrl,
      clustersApiUrl: clustersApi.url,
      bffUrl,
      dataDir,
      clientSecret,
      kubeUrl: kube.url,
      managementKubeconfigPath,
      apps: { gitlab, kube, clustersApi, bff },
      logs: () => started.map((app) => app.logs()).join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
