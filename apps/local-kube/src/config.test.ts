import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('local-kube configuration', () => {
  it('when nothing is set, then 127.0.0.1:6443, the local GitLab tenant repository, namespace nautes and the demo timings', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 6443,
      repoUrl: 'http://127.0.0.1:8929/nautes/tenant-config.git',
      branch: 'main',
      namespace: 'nautes',
      applicationName: 'nautes',
      timings: {
        pollIntervalMs: 3000,
        syncDelayMs: 1000,
        clusterOperatorDelayMs: 1500,
        argoOperatorDelayMs: 1000,
        heartbeatMs: 60_000,
        deletionDelayMs: 2000,
      },
    });
    expect(config.kubeconfigPath).toMatch(/\.data\/local-kube\/kubeconfig$/);
  });

  it('when the tenant project and timings are set, then the Application is named after the tenant and seconds become milliseconds', () => {
    const config = loadConfig({
      TENANT_PROJECT: 'acme/tenant-config',
      GITLAB_URL: 'http://127.0.0.1:9000/',
      POLL_INTERVAL: '0.5',
      HEARTBEAT_INTERVAL: '2',
    });
    expect(config).toMatchObject({
      repoUrl: 'http://127.0.0.1:9000/acme/tenant-config.git',
      applicationName: 'acme',
      timings: { pollIntervalMs: 500, heartbeatMs: 2000 },
    });
  });

  it('when a value is wrong, then the start stops with a message naming the variable', () => {
    expect(() => loadConfig({ NAMESPACE: 'Not_A_Namespace', POLL_INTERVAL: 'soon' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ NAMESPACE: 'Not_A_Namespace' })).toThrow(
      /NAMESPACE: NAMESPACE is a namespace name/,
    );
    expect(() => loadConfig({ POLL_INTERVAL: '-1' })).toThrow(
      /POLL_INTERVAL is a number of seconds/,
    );
  });
});
