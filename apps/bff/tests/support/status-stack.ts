import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../../../scripts/lib/app-process';
import { writeTenantUsersFile } from './tenant-users';

export interface StatusUsersStack {
  dataDir: string;
  gitlab: RunningApp;
  clustersApi: RunningApp;
  stop(): Promise<void>;
}

/**
 * The local GitLab (tenant project internal, plus a Guest: the two users the list refuses
 * although GitLab shows them the code) and the clusters API, for the live-status routes' tests.
 */
export async function startStatusUsersStack(redirectUris: string[]): Promise<StatusUsersStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bff-status-'));
  const started: RunningApp[] = [];
  const stop = async () => {
    await Promise.all(started.reverse().map((app) => app.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const gitlab = await startApp('local-gitlab', {
      env: {
        DATA_DIR: path.join(dataDir, 'local-gitlab'),
        CONSOLE_REDIRECT_URIS: redirectUris.join(','),
        USERS_FILE: writeTenantUsersFile(dataDir, {
          visibility: 'internal',
          extra: { guest: 10 },
        }),
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
    return { dataDir, gitlab, clustersApi, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
