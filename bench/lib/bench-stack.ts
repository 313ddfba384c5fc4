/**
 * The product's processes for one benchmark, started like `npm start` starts them
 * (scripts/lib/app-process.ts) but with a seeding step between the local GitLab and the
 * clusters API: the tenant repository holds its clusters before the API first clones it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../scripts/lib/app-process';
import { findFreePort } from '../../scripts/lib/free-port';
import { seedTenantRepo } from './tenant-seed';

export interface BenchStackOptions {
  /** Clusters in the tenant repository before the clusters API starts. */
  clusters: number;
  /** Also start the BFF (serving the SPA from `webDistDir`, when given). */
  bff?: boolean;
  webDistDir?: string;
  /** More settings for the BFF (e.g. MANAGEMENT_KUBECONFIG for live status). */
  bffEnv?: Record<string, string>;
}

export interface BenchStack {
  gitlab: RunningApp;
  /** The local GitLab's bare tenant repository, on disk. */
  bareRepo: string;
  clustersApi: RunningApp;
  bff: RunningApp | undefined;
  /** Seeds `count` clusters in one commit, then restarts the clusters API on the same port. */
  reseed(count: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-bench-'));
  const bffPort = await findFreePort();
  const bffUrl = `http://127.0.0.1:${bffPort}`;
  const apiPort = await findFreePort();
  const started: RunningApp[] = [];
  let clustersApi: RunningApp | undefined;
  const startClustersApi = async (gitlab: RunningApp) => {
    clustersApi = await startApp('clusters-api', {
      timeoutMs: 120_000,
      env: {
        PORT: String(apiPort),
        DATA_DIR: path.join(dataDir, 'clusters-api'),
        GITLAB_URL: gitlab.url,
        TENANT_REPO_URL: `${gitlab.url}/nautes/tenant-config.git`,
      },
    });
    return clustersApi;
  };
  const stop = async () => {
    await Promise.all(
      [...started, clustersApi].reverse().map((app) => app?.stop() ?? Promise.resolve()),
    );
    rmSync(dataDir, { recursive: true, force: true });
  };

  // Not the local GitLab's development secret: the BFF refuses it with NODE_ENV=production.
  const clientSecret = randomBytes(24).toString('base64url');
  try {
    const gitlab = await startApp('local-gitlab', {
      env: {
        DATA_DIR: path.join(dataDir, 'local-gitlab'),
        CONSOLE_REDIRECT_URIS: `${bffUrl}/auth/callback`,
        CONSOLE_CLIENT_SECRET: clientSecret,
      },
    });
    started.push(gitlab);
    seedTenantRepo(gitlab.url, options.clusters);
    const api = await startClustersApi(gitlab);
    let bff: RunningApp | undefined;
    if (options.bff) {
      bff = await startApp('bff', {
        env: {
          PORT: String(bffPort),
          PUBLIC_URL: bffUrl,
          GITLAB_URL: gitlab.url,
          CLUSTERS_API_URL: api.url,
          SESSION_SECRET: randomBytes(32).toString('base64url'),
          GITLAB_CLIENT_SECRET: clientSecret,
          ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
          ...options.bffEnv,
        },
        timeoutMs: 150_000,
      });
      started.push(bff);
    }
    return {
      gitlab,
      bareRepo: path.join(dataDir, 'local-gitlab', 'repositories', 'nautes', 'tenant-config.git'),
      get clustersApi() {
        if (!clustersApi) throw new Error('clusters API not running');
        return clustersApi;
      },
      bff,
      reseed: async (count: number) => {
        await clustersApi?.stop();
        seedTenantRepo(gitlab.url, count);
        await startClustersApi(gitlab);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
