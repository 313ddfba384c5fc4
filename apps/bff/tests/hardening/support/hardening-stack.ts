/**
 * The whole product for the hardening tests: the real local GitLab and clusters API as child
 * processes (restartable on the same port and data, to take a dependency down and bring it
 * back), and BFFs in this process (real HTTP, logs captured) whose callback URLs GitLab knows.
 * Every process's output, across restarts, stays available for the secret-leak scan.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../../../../scripts/lib/app-process';
import { startBff, type TestBff } from '../../support/bff';
import { listenOnFreePort, type ListeningServer } from '../../support/listening-server';

export interface HardeningStackOptions {
  /** Environment of every BFF (GITLAB_URL, CLUSTERS_API_URL and a secret are filled in). */
  bffEnv?: Record<string, string>;
  clustersApiEnv?: Record<string, string>;
  /** How many more BFFs may sign in (each gets its callback URL registered at GitLab). */
  spareBffs?: number;
}

export interface HardeningStack {
  bff: TestBff;
  gitlabUrl: string;
  clustersApiUrl: string;
  /** The clusters API's data: its secrets folder and the key they are encrypted with. */
  secretsDir: string;
  secretsKey: Buffer;
  /** The bare tenant repository on the local GitLab's disk. */
  bareRepo: string;
  /** Another BFF on a spare callback URL (same GitLab and clusters API unless overridden). */
  startSpareBff(env?: Record<string, string>): Promise<TestBff>;
  stopGitLab(): Promise<void>;
  /** Starts the local GitLab again, on the same port with the same data (tokens survive). */
  startGitLab(): Promise<void>;
  stopClustersApi(): Promise<void>;
  startClustersApi(): Promise<void>;
  /** Everything every process of this stack has logged so far (all BFFs included). */
  logs(): string;
  close(): Promise<void>;
}

export async function startHardeningStack(
  options: HardeningStackOptions = {},
): Promise<HardeningStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bff-hardening-'));
  const gitlabDataDir = path.join(dataDir, 'local-gitlab');
  const clustersApiDataDir = path.join(dataDir, 'clusters-api');
  const secretsKey = randomBytes(32);
  const sessionSecret = randomBytes(32).toString('base64url');
  const listening: ListeningServer[] = [];
  for (let i = 0; i <= (options.spareBffs ?? 0); i += 1) listening.push(await listenOnFreePort());
  const pastLogs: string[] = [];
  /** Listening servers handed to a BFF so far. */
  let taken = 1;
  const bffs: TestBff[] = [];
  let gitlab: RunningApp | undefined;
  let clustersApi: RunningApp | undefined;
  let gitlabPort = 0;
  let clustersApiPort = 0;

  const startGitLab = async () => {
    gitlab = await startApp('local-gitlab', {
      env: {
        PORT: String(gitlabPort),
        DATA_DIR: gitlabDataDir,
        CONSOLE_REDIRECT_URIS: listening.map((server) => `${server.url}/auth/callback`).join(','),
      },
    });
    gitlabPort = gitlab.port;
  };
  const stopGitLab = async () => {
    if (!gitlab) return;
    await gitlab.stop();
    pastLogs.push(gitlab.logs());
    gitlab = undefined;
  };
  const gitlabUrl = () => `http://127.0.0.1:${gitlabPort}`;
  const startClustersApi = async () => {
    clustersApi = await startApp('clusters-api', {
      env: {
        PORT: String(clustersApiPort),
        DATA_DIR: clustersApiDataDir,
        GITLAB_URL: gitlabUrl(),
        SECRETS_KEY: secretsKey.toString('base64'),
        ...options.clustersApiEnv,
      },
    });
    clustersApiPort = clustersApi.port;
  };
  const stopClustersApi = async () => {
    if (!clustersApi) return;
    await clustersApi.stop();
    pastLogs.push(clustersApi.logs());
    clustersApi = undefined;
  };
  const bffEnv = (env: Record<string, string> = {}) => ({
    GITLAB_URL: gitlabUrl(),
    CLUSTERS_API_URL: `http://127.0.0.1:${clustersApiPort}`,
    SESSION_SECRET: sessionSecret,
    ...options.bffEnv,
    ...env,
  });
  const close = async () => {
    await Promise.all(bffs.map((bff) => bff.close()));
    await stopClustersApi();
    await stopGitLab();
    await Promise.all(listening.slice(taken).map((server) => server.close()));
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await startGitLab();
    await startClustersApi();
    const [first] = listening;
    if (!first) throw new Error('no listening server');
    bffs.push(await startBff({ listening: first, env: bffEnv() }));
  } catch (error) {
    await close();
    throw error;
  }
  const [bff] = bffs;
  if (!bff) throw new Error('no BFF');

  return {
    bff,
    gitlabUrl: gitlabUrl(),
    clustersApiUrl: `http://127.0.0.1:${clustersApiPort}`,
    secretsDir: path.join(clustersApiDataDir, 'secrets'),
    secretsKey,
    bareRepo: path.join(gitlabDataDir, 'repositories', 'nautes', 'tenant-config.git'),
    startSpareBff: async (env) => {
      // Taken before any await: spares started at the same time get different servers.
      const server = listening[taken];
      taken += 1;
      if (!server) throw new Error('no spare callback URL left: raise spareBffs');
      const spare = await startBff({ listening: server, env: bffEnv(env) });
      bffs.push(spare);
      return spare;
    },
    stopGitLab,
    startGitLab,
    stopClustersApi,
    startClustersApi,
    logs: () =>
      [
        ...pastLogs,
        gitlab?.logs() ?? '',
        clustersApi?.logs() ?? '',
        ...bffs.map((one) => one.rawLogs()),
      ].join('\n'),
    close,
  };
}
