/**
 * Builds the running service from its configuration: opens the working clone (cloning it on
 * the first start), loads the secrets key, wires the parts. Used by main.ts and the tests.
 */
import path from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app';
import { apiGenerationOf } from './clusters/api-generations';
import { ClusterService } from './clusters/cluster.service';
import { ClusterWriter } from './clusters/cluster-writer';
import type { Config } from './config';
import { GitLabClient } from './gitlab/gitlab.client';
import { PermissionService } from './gitlab/permission.service';
import { clusterState } from './secrets/cluster-state';
import { JournaledSecretStore } from './secrets/journaled-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { loadSecretsKey } from './secrets/secrets-key';
import { GitRunner } from './tenant-repo/git-runner';
import { TenantStore } from './tenant-repo/tenant-store';

export interface ClustersApi {
  app: Express;
  repo: TenantStore;
  secrets: SecretStore;
  /** Stops accepting writes and waits for the ones under way. */
  close(): Promise<void>;
}

export const TENANT_REPO_DIR = 'tenant-repo';
/** This instance's journal of secret changes under way (never shared, unlike SECRETS_DIR). */
export const SECRETS_JOURNAL_DIR = 'secrets-journal';

export async function createClustersApi(config: Config, logger: Logger): Promise<ClustersApi> {
  const repoLogger = logger.child({ component: 'tenant-repo' });
  const repo = new TenantStore({
    url: config.tenantRepoUrl,
    readToken: config.tenantRepoReadToken,
    dir: path.join(config.dataDir, TENANT_REPO_DIR),
    git: new GitRunner(config.childEnv, { stallTimeoutMs: config.gitStallTimeoutMs }),
    logger: repoLogger,
    refreshMs: config.repoRefreshMs,
    stallTimeoutMs: config.gitStallTimeoutMs,
  });
  await repo.open();
  const secrets = new JournaledSecretStore(
    config.secretsDir,
    await loadSecretsKey(config.dataDir, config.secretsKey),
    {
      dir: path.join(config.dataDir, SECRETS_JOURNAL_DIR),
      stateOf: clusterState(repo),
      logger: logger.child({ component: 'secrets' }),
    },
  );
  // Before any request: undo or finish the secret changes a crash interrupted.
  await secrets.recover();
  const permissions = new PermissionService({
    client: new GitLabClient({ baseUrl: config.gitlabUrl, timeoutMs: config.gitlabTimeoutMs }),
    project: config.tenantProject,
    gitlabHost: new URL(config.gitlabUrl).hostname,
    cacheMs: config.permissionCacheMs,
  });
  const generation = apiGenerationOf(config.nautesApiVersion);
  // The write path's collaborators, called in order by the writer: queue, secret journal,
  // store, retry (clusters/cluster-writer.ts).
  const writer = new ClusterWriter({ store: repo, secrets, logger: repoLogger });
  const clusters = new ClusterService({ repo, writer, logger, generation });
  const app = createApp({ logger, clusters, permissions, generation });
  return {
    app,
    repo,
    secrets,
    close: async () => {
      await writer.close();
      await repo.close();
    },
  };
}
