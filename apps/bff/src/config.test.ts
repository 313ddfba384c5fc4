import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('when nothing is set, then the documented defaults apply and a session secret is generated', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://127.0.0.1:3000',
      gitlab: {
        url: 'http://127.0.0.1:8929',
        clientId: 'cluster-console',
        clientSecret: 'cluster-console-local-secret',
        scopes: ['openid', 'profile', 'email', 'api'],
      },
      clustersApi: { url: 'http://127.0.0.1:8000', nautesApiVersion: 'auto' },
      session: {
        secretGenerated: true,
        redisUrl: undefined,
        idleTimeoutSeconds: 1800,
        absoluteTimeoutSeconds: 43200,
      },
      tokenRefreshSkewSeconds: 60,
    });
    expect(config.session.secrets[0]?.length).toBeGreaterThanOrEqual(32);
    expect(config.webDistDir.endsWith(path.join('apps', 'web', 'dist'))).toBe(true);
  });

  it.each(['v0.3', 'v0.4', 'auto'] as const)(
    'when NAUTES_API_VERSION is %s, then the BFF uses that generation setting',
    (setting) => {
      expect(loadConfig({ NAUTES_API_VERSION: setting }).clustersApi.nautesApiVersion).toBe(
        setting,
      );
    },
  );

  it.each([
    [{}, { project: 'nautes/tenant-config', branch: 'main' }],
    [
      { TENANT_PROJECT: '', TENANT_BRANCH: '' },
      { project: 'nautes/tenant-config', branch: 'main' },
    ],
    [{ TENANT_PROJECT: '42' }, { project: '42', branch: 'main' }],
    [
      { TENANT_PROJECT: 'group/sub/tenant.config', TENANT_BRANCH: 'release/v1' },
      { project: 'group/sub/tenant.config', branch: 'release/v1' },
    ],
  ])('when the tenant settings are %j, then the history reads %j', (env, tenant) => {
    expect(loadConfig(env).tenant).toEqual(tenant);
  });

  it('when no connection-check setting is given, then https only, any address the policy allows, 15 s, 10 checks a window', () => {
    expect(loadConfig({}).connectionCheck).toEqual({
      allowedNetworks: undefined,
      allowHttp: false,
      timeoutSeconds: 15,
      rateLimit: 10,
    });
  });

  it('when CONNECTION_CHECK_ALLOWED_NETWORKS lists networks, then they are parsed and normalised', () => {
    const config = loadConfig({
      CONNECTION_CHECK_ALLOWED_NETWORKS: '10.20.0.0/16, 127.0.0.1 ::1/128',
      CONNECTION_CHECK_ALLOW_HTTP: 'true',
    });
    expect(config.connectionCheck.allowedNetworks?.map((network) => network.text)).toEqual([
      '10.20.0.0/16',
      '127.0.0.1/32',
      '::1/128',
    ]);
    expect(config.connectionCheck.allowHttp).toBe(true);
  });

  it('when CONNECTION_CHECK_DNS_SERVERS lists name servers, then they are kept for c-ares; unset, the system ones', () => {
    expect(
      loadConfig({ CONNECTION_CHECK_DNS_SERVERS: '10.0.0.2, 127.0.0.1:5353 [fd00::53]:53' })
        .connectionCheck.dnsServers,
    ).toEqual(['10.0.0.2', '127.0.0.1:5353', '[fd00::53]:53']);
    expect(loadConfig({}).connectionCheck.dnsServers).toBeUndefined();
  });

  it('when PORT is 0 and no PUBLIC_URL is given, then the public URL is left to the listening port', () => {
    expect(loadConfig({ PORT: '0' }).publicUrl).toBeUndefined();
  });

  it('when values are set, then they are parsed (empty means unset)', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://console.example.com/',
      GITLAB_URL: 'https://gitlab.example.com',
      OAUTH_SCOPES: 'openid read_user api',
      SESSION_SECRET: `${'a'.repeat(32)},${'b'.repeat(40)}`,
      REDIS_URL: 'redis://redis:6379',
      HOST: '',
      TRUST_PROXY: '1',
    });
    expect(config.publicUrl).toBe('https://console.example.com');
    expect(config.gitlab.scopes).toEqual(['openid', 'read_user', 'api']);
    expect(config.session.secrets).toHaveLength(2);
    expect(config.session.redisUrl).toBe('redis://redis:6379');
    expect(config.host).toBe('127.0.0.1');
    expect(config.trustProxy).toBe(1);
  });

  it.each([
    ['https://console.example.com', 'https://console.example.com'],
    ['https://console.example.com/', 'https://console.example.com'],
    ['https://Example.COM/console/', 'https://example.com/console'],
    ['https://example.com/console', 'https://example.com/console'],
    ['https://example.com/tools/cluster-console/', 'https://example.com/tools/cluster-console'],
    ['http://127.0.0.1:8080/a/./b/../console/', 'http://127.0.0.1:8080/a/console'],
  ])('when PUBLIC_URL is %s, then the console is served at %s', (value, publicUrl) => {
    expect(loadConfig({ PUBLIC_URL: value }).publicUrl).toBe(publicUrl);
  });

  it.each([
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://host/console/?tenant=a' }, 'PUBLIC_URL must not have a query'],
    [{ PUBLIC_URL: 'https://host/console/#top' }, 'PUBLIC_URL must not have a query'],
    [{ PUBLIC_URL: 'https://admin:pw@host/console/' }, 'PUBLIC_URL must not hold a user'],
    [{ PUBLIC_URL: 'https://host//console/' }, 'PUBLIC_URL path must be plain segments'],
    [{ PUBLIC_URL: 'https://host/my%20console/' }, 'PUBLIC_URL path must be plain segments'],
    [{ PUBLIC_URL: 'https://host/c"><script>/' }, 'PUBLIC_URL path must be plain segments'],
    [{ GITLAB_URL: 'ftp://gitlab' }, 'GITLAB_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ REDIS_URL: 'redis://r:6379' }, 'SESSION_SECRET: required when REDIS_URL is set'],
    [{ OAUTH_SCOPES: 'api' }, 'OAUTH_SCOPES must include openid'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SESSION_IDLE_TIMEOUT: '-5' }, 'SESSION_IDLE_TIMEOUT'],
    [{ NAUTES_API_VERSION: '0.4' }, 'NAUTES_API_VERSION is v0.3, v0.4 or auto'],
    [{ TENANT_PROJECT: 'tenant-config' }, 'TENANT_PROJECT'],
    [{ TENANT_PROJECT: 'https://gitlab.example.com/nautes/tenant-config.git' }, 'TENANT_PROJECT'],
    [{ TENANT_BRANCH: '--upload-pack=x' }, 'TENANT_BRANCH'],
    [{ TENANT_BRANCH: 'main branch' }, 'TENANT_BRANCH'],
    [{ CONNECTION_CHECK_ALLOWED_NETWORKS: '10.0.0.0/8,cluster.local' }, '"cluster.local" is not'],
    [{ CONNECTION_CHECK_ALLOWED_NETWORKS: '10.0.0.0/40' }, 'prefix length outside 0..32'],
    [{ CONNECTION_CHECK_ALLOW_HTTP: 'yes' }, 'CONNECTION_CHECK_ALLOW_HTTP is true or false'],
    [{ CONNECTION_CHECK_TIMEOUT: '0' }, 'CONNECTION_CHECK_TIMEOUT'],
    [{ MANAGEMENT_CLUSTER: 'yes' }, 'MANAGEMENT_CLUSTER is in-cluster'],
    [
      { MANAGEMENT_CLUSTER: 'in-cluster', MANAGEMENT_KUBECONFIG: '/k' },
      'set either MANAGEMENT_CLUSTER=in-cluster or MANAGEMENT_KUBECONFIG, not both',
    ],
    [{ MANAGEMENT_CLUSTER: 'in-cluster' }, 'in-cluster needs a Pod (KUBERNETES_SERVICE_HOST'],
    [{ MANAGEMENT_NAMESPACE: 'Nautes' }, 'MANAGEMENT_NAMESPACE is a namespace name'],
    [{ ARGOCD_APPLICATION: 'a/b' }, 'ARGOCD_APPLICATION is an Application name'],
    [{ CONNECTION_CHECK_DNS_SERVERS: 'dns.example' }, 'CONNECTION_CHECK_DNS_SERVERS is a comma'],
    [{ CONNECTION_CHECK_DNS_SERVERS: '10.0.0.2:99999' }, 'CONNECTION_CHECK_DNS_SERVERS is a comma'],
  ])('when %j, then it refuses to start naming the problem', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('when no management cluster is set, then live status is not configured (the tenant namespace defaults to nautes)', () => {
    expect(loadConfig({}).clusterStatus).toEqual({
      source: undefined,
      namespace: 'nautes',
      argoApplication: undefined,
    });
  });

  it('when a kubeconfig and an Argo CD Application are set, then both are watched (a relative path from the repository root)', () => {
    const config = loadConfig({
      MANAGEMENT_KUBECONFIG: '.data/kube/kubeconfig',
      MANAGEMENT_NAMESPACE: 'tenant-a',
      ARGOCD_APPLICATION: 'tenant-a',
    });
    expect(config.clusterStatus.source).toEqual({
      kind: 'kubeconfig',
      path: path.resolve(config.webDistDir, '../../..', '.data/kube/kubeconfig'),
    });
    expect(config.clusterStatus.namespace).toBe('tenant-a');
    expect(config.clusterStatus.argoApplication).toEqual({ namespace: 'argocd', name: 'tenant-a' });
  });

  it('when MANAGEMENT_CLUSTER=in-cluster inside a Pod, then the service account is used', () => {
    expect(
      loadConfig({ MANAGEMENT_CLUSTER: 'in-cluster', KUBERNETES_SERVICE_HOST: '10.96.0.1' })
        .clusterStatus.source,
    ).toEqual({ kind: 'in-cluster' });
  });
});
