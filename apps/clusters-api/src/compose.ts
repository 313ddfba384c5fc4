/**
 * Builds the running service from its configuration: opens the working clone (cloning it on
 * the first start), loads the secrets key, wires the parts. Used by main.ts and the tests.
 */
import path from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app';
import { ClusterService } from './clusters/cluster.service';
import type { Config } from './config';
import { GitLabClient } from './gitlab/gitlab.client';
import { PermissionService } from './gitlab/permission.service';
import { SecretStore } from './secrets/secret-store';
import { loadSecretsKey } from './secrets/secrets-key';
import { GitRunner } from './tenant-repo/git-runner';
import { TenantRepo } from './tenant-repo/tenant-repo';

export interface ClustersApi {
  app: Express;
  repo: TenantRepo;
  secrets: SecretStore;
  /** Stops accepting writes and waits for the ones under way. */
  close(): Promise<void>;
}

export const TENANT_REPO_DIR = 'tenant-repo';

export async function createClustersApi(config: Config, logger: Logger): Promise<ClustersApi> {
  const repo = new TenantRepo({
    url: config.tenantRepoUrl,
    readToken: config.tenantRepoReadToken,
    dir: path.join(config.dataDir, TENANT_REPO_DIR),
    git: new GitRunner(config.childEnv),
    logger: logger.child({ component: 'tenant-repo' }),
    refreshMs: config.repoRefreshMs,
  });
  await repo.open();
  const secrets = new SecretStore(
    config.secretsDir,
    await loadSecretsKey(config.dataDir, config.secretsKey),
  );
  const permissions = new PermissionService({
    client: new GitLabClient({ baseUrl: config.gitlabUrl, timeoutMs: config.gitlabTimeoutMs }),
    project: config.tenantProject,
    gitlabHost: new URL(config.gitlabUrl).hostname,
    cacheMs: config.permissionCacheMs,
  });
  const clusters = new ClusterService({ repo, secrets, logger });
  const app = createApp({ logger, clusters, permissions });
  return { app, repo, secrets, close: () => repo.close() };
}
