import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../../../scripts/lib/app-process';

export interface GitLabStack {
  gitlabUrl: string;
  clustersApiUrl: string;
  gitlab: RunningApp;
  clustersApi: RunningApp;
  stop(): Promise<void>;
}

export interface GitLabStackOptions {
  /** Callback URLs of the BFFs that will sign in (the local GitLab allows only these). */
  redirectUris: string[];
  /** The local GitLab's access-token lifetime, in seconds. */
  accessTokenTtlSeconds?: number;
}

/** The real local GitLab and clusters API as child processes, with throw-away data. */
export async function startGitLabStack(options: GitLabStackOptions): Promise<GitLabStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bff-stack-'));
  const started: RunningApp[] = [];
  const stop = async () => {
    await Promise.all(started.reverse().map((app) => app.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const gitlab = await startApp('local-gitlab', {
      env: {
        DATA_DIR: path.join(dataDir, 'local-gitlab'),
        CONSOLE_REDIRECT_URIS: options.redirectUris.join(','),
        ACCESS_TOKEN_TTL: options.accessTokenTtlSeconds
          ? String(options.accessTokenTtlSeconds)
          : undefined,
      },
    });
    started.push(gitlab);
    const clustersApi = await startApp('clusters-api', {
      env: {
        DATA_DIR: path.join(dataDir, 'clusters-api'),
        GITLAB_URL: gitlab.url,
        TENANT_REPO_URL: `${gitlab.url}/nautes/tenant-config.git`,
      },
    });
    started.push(clustersApi);
    return { gitlabUrl: gitlab.url, clustersApiUrl: clustersApi.url, gitlab, clustersApi, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
