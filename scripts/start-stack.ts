/**
 * Runs the product for `npm start` (after scripts/start.mjs has installed and built):
 * the embedded default (local GitLab, clusters API, BFF) on the documented ports with data
 * under .data/, or only the BFF when GITLAB_URL and CLUSTERS_API_URL point elsewhere.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, startApp, type RunningApp } from './lib/app-process';
import { startStack } from './lib/stack';

const dataDir = path.join(repoRoot, '.data');
const external = Boolean(process.env.GITLAB_URL && process.env.CLUSTERS_API_URL);

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  if (external) {
    const bff: RunningApp = await startApp('bff', {
      echo: true,
      env: { PORT: process.env.PORT ?? '3000' },
    });
    say(`\ncluster-console is running at ${bff.url}`);
    say(`  GitLab:       ${process.env.GITLAB_URL}`);
    say(`  clusters API: ${process.env.CLUSTERS_API_URL}`);
    return () => bff.stop();
  }
  const stack = await startStack({
    dataDir,
    ports: { gitlab: 8929, kube: 6443, clustersApi: 8000, bff: 3000 },
    echo: true,
  });
  say('');
  say(`cluster-console is running: open ${stack.bffUrl}`);
  say('');
  say(`  web console + BFF   ${stack.bffUrl}`);
  say(`  clusters API        ${stack.clustersApiUrl}  (Nautes-compatible, /openapi.json)`);
  say(`  local GitLab        ${stack.gitlabUrl}`);
  say(`  tenant repository   ${stack.gitlabUrl}/nautes/tenant-config.git`);
  say(`  management cluster  ${stack.kubeUrl}  (local: Argo CD and Nautes operators, no Vault)`);
  say(`  data                ${dataDir}`);
  say('');
  say('  sign in as (user / password, personal access token, tenant repo access):');
  say('    maintainer / maintainer   glpat-local-maintainer   Maintainer: may register and delete');
  say(
    '    operator   / operator     glpat-local-operator     Maintainer: a second user who may register and delete',
  );
  say('    developer  / developer    glpat-local-developer    Developer: may read, may not push');
  say('    outsider   / outsider     glpat-local-outsider     not a member');
  say('');
  say('  watch the tenant management cluster (read-only; --context local-kube-admin may write):');
  say(
    `    kubectl --kubeconfig ${stack.managementKubeconfigPath} get clusters.nautes.resource.nautes.io -n nautes -w`,
  );
  say('');
  say('Press Ctrl+C to stop.');
  return () => stack.stop();
}

main()
  .then((stop) => {
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      say('\nstopping...');
      void stop().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `[cluster-console] could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
