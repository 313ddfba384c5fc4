import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RELEASE_ENV } from '../scripts/lib/app-process';
import { findFreePort } from '../scripts/lib/free-port';
import { startStack } from '../scripts/lib/stack';
import { PREFIX } from './support/prefixed-console';
import { authDir, repoRoot, screenshotDir, stackInfoFile } from './support/paths';
import type { StackInfo } from './support/stack-info';

/**
 * Builds the SPA, then starts local GitLab, the local management cluster, the clusters API and
 * the BFF as `npm start` does, on free ports and fresh data. Returns the teardown Playwright runs at the end.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Under `npm test` the apps start from the release it built, the SPA included; alone, the
  // suite builds the SPA the source BFF serves.
  if (!process.env[RELEASE_ENV]) buildSpa();

  rmSync(screenshotDir, { recursive: true, force: true });
  rmSync(authDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  mkdirSync(authDir, { recursive: true });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-e2e-'));
  // Where 16-two-replicas.spec.ts puts its load balancer: its users sign in at this GitLab too.
  const replicasUrl = `http://127.0.0.1:${await findFreePort()}`;
  // Where 15-path-prefix.spec.ts puts its proxy, forwarding only /console to a second BFF.
  const prefixedUrl = `http://127.0.0.1:${await findFreePort()}${PREFIX}`;
  const stack = await startStack({
    dataDir,
    extraRedirectUris: [`${replicasUrl}/auth/callback`, `${prefixedUrl}/auth/callback`],
    // The connection-check journey starts a Kubernetes API stand-in on 127.0.0.1: loopback is
    // refused by default, and tests connect to nothing else.
    env: {
      bff: { CONNECTION_CHECK_ALLOWED_NETWORKS: '127.0.0.1/32' },
      // The local Argo CD syncs a commit 4 s after it sees it (1 s by default), so the live-status
      // journey can watch a new cluster wait for its sync before it turns Ready.
      kube: { SYNC_DELAY: '4' },
    },
  });
  const info: StackInfo = {
    bffUrl: stack.bffUrl,
    gitlabUrl: stack.gitlabUrl,
    clustersApiUrl: stack.clustersApiUrl,
    dataDir,
    replicasUrl,
    prefixedUrl,
    clientSecret: stack.clientSecret,
    managementKubeconfigPath: stack.managementKubeconfigPath,
  };
  mkdirSync(path.dirname(stackInfoFile), { recursive: true });
  writeFileSync(stackInfoFile, JSON.stringify(info, null, 2));

  return async () => {
    const logs = stack.logs();
    await stack.stop();
    writeFileSync(path.join(path.dirname(stackInfoFile), 'e2e-stack.log'), logs);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(stackInfoFile, { force: true });
  };
}

function buildSpa(): void {
  // The pnpm that runs this suite (npm test may use one installed outside PATH).
  const pnpmScript = process.env.npm_execpath;
  const [command, prefix] =
    pnpmScript && /pnpm\.c?js$/.test(pnpmScript) ? [process.execPath, [pnpmScript]] : ['pnpm', []];
  const build = spawnSync(command, [...prefix, '--filter', '@cluster-console/web', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('building apps/web failed (see above)');
}
