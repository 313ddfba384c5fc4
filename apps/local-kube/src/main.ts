import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  announceListening,
  createServerLogger,
  loadConfigOrExit,
  onStopSignal,
  runMain,
} from '@cluster-console/server-kit';
import { loadConfig } from './config';
import { managementKubeconfig } from './kubeconfig';
import { startOperators } from './operators';
import { startLocalKube } from './server';

/**
 * The local tenant management cluster as a process (`npm start`): the API stand-in on
 * HOST:PORT with random tokens, the local operators syncing the tenant repository into it, and
 * a kubeconfig (mode 0600) for kubectl and the console. Data lives in memory: a restart begins
 * empty and Argo CD's first poll brings every Cluster file back.
 */
async function main() {
  const config = loadConfigOrExit(() => loadConfig());
  const logger = createServerLogger({ app: 'local-kube', level: config.logLevel });
  mkdirSync(config.dataDir, { recursive: true });
  const kube = await startLocalKube({ host: config.host, port: config.port, randomTokens: true });
  const operators = startOperators(kube.store, {
    namespace: config.namespace,
    name: config.applicationName,
    repoUrl: config.repoUrl,
    readToken: config.readToken,
    branch: config.branch,
    cacheDir: path.join(config.dataDir, 'argocd'),
    ...config.timings,
    onError: (message) => logger.warn({ event: 'argocd-fetch-failed' }, message),
  });
  const admin = kube.credentials['kube-admin']?.certificate;
  const watcherToken = kube.credentials['cluster-watcher']?.token;
  if (!admin || !watcherToken) throw new Error('the default users are missing');
  writeFileSync(
    config.kubeconfigPath,
    managementKubeconfig({ server: kube.url, caPem: kube.authority.certPem, watcherToken, admin }),
    { mode: 0o600 },
  );
  announceListening(logger, 'local-kube', {
    url: kube.url,
    // Not `kubeconfig`: the logger redacts that key (it may hold one), and this is only its path.
    kubeconfigPath: config.kubeconfigPath,
    repository: config.repoUrl,
    application: `argocd/${config.applicationName}`,
  });
  onStopSignal((signal) => {
    logger.info({ event: 'stopping', signal }, 'stopping');
    operators.stop();
    void kube.close().then(() => process.exit(0));
  });
}

runMain('local-kube', main);
