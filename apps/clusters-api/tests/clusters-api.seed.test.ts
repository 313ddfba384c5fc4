/**
 * The product's three seed requests against the real stack: local GitLab (OIDC/REST/Git smart
 * HTTP) as a child process, the clusters API in-process, real Git all the way. Run in both API
 * generations: for v0.4 the seed bodies are translated with the shared v0.3 -> v0.4 mapping.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NautesApiVersion } from '@cluster-console/shared';
import { bodyFor, GENERATIONS } from './helpers/generations';
import { freshClone, git, makeTempDir } from './helpers/git-fixtures';
import { SEED_KUBECONFIG, seed } from './helpers/seeds';
import {
  call,
  startClustersApi,
  startLocalGitLab,
  type LocalGitLab,
  type RunningClustersApi,
} from './helpers/stack';

const CLUSTERS = 'nautes/overlays/production/clusters';
const RESOURCE = { apiVersion: 'nautes.resource.nautes.io/v1alpha1', kind: 'Cluster' } as const;
const component = (name: string, namespace: string, additions?: Record<string, string>) =>
  additions === undefined ? { name, namespace } : { name, namespace, additions };
const GATEWAY = component('traefik', 'traefik', { httpNodePort: '30080', httpsNodePort: '30443' });
const SECRET_MANAGEMENT = component('vault', 'vault');
const OAUTH_PROXY = component('oauth2-proxy', 'oauth2-proxy');
const MULTI_TENANT = component('hnc', 'hnc-system');
const SECRET_SYNC = component('external-secrets', 'external-secrets');
const VIRTUAL_ARGOCD = component('argocd', 'argocd', {
  host: 'argocd.vcluster-virtual.8.217.50.114.nip.io',
});
const VIRTUAL_TEKTON = component('tekton', 'tekton-pipelines', {
  host: 'tekton.cluster-virtual.8.217.50.114.nip.io',
});
const PHYSICAL_ARGOCD = component('argocd', 'argocd', {
  host: 'argocd.host-worker-aliyun-0412.8.217.50.114.nip.io',
});

/** What each generation answers and commits for the three seeds. */
const EXPECTED: Record<
  NautesApiVersion,
  { virtualReply: object; hostReply: object; files: Record<string, object> }
> = {
  'v0.3': {
    virtualReply: {
      name: 'cluster-virtual',
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: 'pipeline',
      host_cluster: 'cluster-host',
      api_server: 'https://8.217.50.114:31456',
      primary_domain: '8.217.50.114.nip.io',
      argocd_host: 'argocd.vcluster-virtual.8.217.50.114.nip.io',
      tekton_host: 'tekton.cluster-virtual.8.217.50.114.nip.io',
      vcluster: { https_node_port: '31456' },
    },
    hostReply: {
      name: 'cluster-host',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      api_server: 'https://8.217.50.114:6443',
      primary_domain: '8.217.50.114.nip.io',
      traefik: { http_node_port: '30080', https_node_port: '30443' },
    },
    files: {
      'cluster-host': {
        ...RESOURCE,
        metadata: { name: 'cluster-host', namespace: 'nautes' },
        spec: {
          apiServer: 'https://8.217.50.114:6443',
          clusterKind: 'kubernetes',
          clusterType: 'physical',
          usage: 'host',
          primaryDomain: '8.217.50.114.nip.io',
          traefik: { httpNodePort: '30080', httpsNodePort: '30443' },
        },
      },
      'cluster-virtual': {
        ...RESOURCE,
        metadata: { name: 'cluster-virtual', namespace: 'nautes' },
        spec: {
          apiServer: 'https://8.217.50.114:31456',
          clusterKind: 'kubernetes',
          clusterType: 'virtual',
          usage: 'worker',
          workerType: 'pipeline',
          hostCluster: 'cluster-host',
          primaryDomain: '8.217.50.114.nip.io',
          argocdHost: 'argocd.vcluster-virtual.8.217.50.114.nip.io',
          tektonHost: 'tekton.cluster-virtual.8.217.50.114.nip.io',
          vcluster: { httpsNodePort: '31456' },
        },
      },
      'cluster-physical': {
        ...RESOURCE,
        metadata: { name: 'cluster-physical', namespace: 'nautes' },
        spec: {
          apiServer: 'https://8.217.50.114:6443',
          clusterKind: 'kubernetes',
          clusterType: 'physical',
          usage: 'worker',
          workerType: 'deployment',
          primaryDomain: '8.217.50.114.nip.io',
          argocdHost: 'argocd.host-worker-aliyun-0412.8.217.50.114.nip.io',
          traefik: { httpNodePort: '30080', httpsNodePort: '30443' },
        },
      },
    },
  },
  'v0.4': {
    virtualReply: {
      name: 'cluster-virtual',
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      host_cluster: 'cluster-host',
      primary_domain: '8.217.50.114.nip.io',
      worker_type: 'pipeline',
      api_server: 'https://8.217.50.114:31456',
      components_list: {
        multi_tenant: MULTI_TENANT,
        secret_sync: SECRET_SYNC,
        gateway: GATEWAY,
        deployment: VIRTUAL_ARGOCD,
        progressive_delivery: null,
        pipeline: VIRTUAL_TEKTON,
        event_listener: component('argo-events', 'argo-events'),
        secret_management: SECRET_MANAGEMENT,
        oauth_proxy: null,
      },
      reserved_namespaces_allowed_products: {},
      product_allowed_cluster_resources: {},
    },
    hostReply: {
      name: 'cluster-host',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      host_cluster: '',
      primary_domain: '8.217.50.114.nip.io',
      worker_type: '',
      api_server: 'https://8.217.50.114:6443',
      components_list: {
        multi_tenant: null,
        secret_sync: null,
        gateway: GATEWAY,
        deployment: null,
        progressive_delivery: null,
        pipeline: null,
        event_listener: null,
        secret_management: SECRET_MANAGEMENT,
        oauth_proxy: OAUTH_PROXY,
      },
      reserved_namespaces_allowed_products: {},
      product_allowed_cluster_resources: {},
    },
    files: {
      'cluster-host': {
        ...RESOURCE,
        metadata: { creationTimestamp: null, name: 'cluster-host', namespace: 'nautes' },
        spec: {
          apiServer: 'https://8.217.50.114:6443',
          clusterKind: 'kubernetes',
          clusterType: 'physical',
          componentsList: {
            gateway: GATEWAY,
            oauthProxy: OAUTH_PROXY,
            secretManagement: SECRET_MANAGEMENT,
          },
          primaryDomain: '8.217.50.114.nip.io',
          usage: 'host',
        },
        status: {},
      },
      'cluster-virtual': {
        ...RESOURCE,
        metadata: { creationTimestamp: null, name: 'cluster-virtual', namespace: 'nautes' },
        spec: {
          apiServer: 'https://8.217.50.114:31456',
          clusterKind: 'kubernetes',
          clusterType: 'virtual',
          componentsList: {
            deployment: VIRTUAL_ARGOCD,
            eventListener: component('argo-events', 'argo-events'),
            gateway: GATEWAY,
            multiTenant: MULTI_TENANT,
            pipeline: VIRTUAL_TEKTON,
            secretManagement: SECRET_MANAGEMENT,
            secretSync: SECRET_SYNC,
          },
          hostCluster: 'cluster-host',
          primaryDomain: '8.217.50.114.nip.io',
          usage: 'worker',
          vcluster: { httpsNodePort: '31456' },
          workerType: 'pipeline',
        },
        status: {},
      },
      'cluster-physical': {
        ...RESOURCE,
        metadata: { creationTimestamp: null, name: 'cluster-physical', namespace: 'nautes' },
        spec: {
          apiServer: 'https://8.217.50.114:6443',
          clusterKind: 'kubernetes',
          clusterType: 'physical',
          componentsList: {
            deployment: PHYSICAL_ARGOCD,
            gateway: GATEWAY,
            multiTenant: MULTI_TENANT,
            progressiveDelivery: component('argo-rollouts', 'argo-rollouts'),
            secretManagement: SECRET_MANAGEMENT,
            secretSync: SECRET_SYNC,
          },
          primaryDomain: '8.217.50.114.nip.io',
          usage: 'worker',
          workerType: 'deployment',
        },
        status: {},
      },
    },
  },
};

describe.each(GENERATIONS)('NAUTES_API_VERSION=%s', (version) => {
  describe('the seed requests (host, virtual, physical)', { timeout: 60_000 }, () => {
    const expected = EXPECTED[version];
    let gitlab: LocalGitLab;
    let api: RunningClustersApi;
    let scratch: string;
    let clone: string;
    const answers: { name: string; status: number; body: unknown }[] = [];

    beforeAll(async () => {
      gitlab = await startLocalGitLab();
      api = await startClustersApi(gitlab.url, { NAUTES_API_VERSION: version });
      scratch = makeTempDir();
      for (const name of ['cluster-host', 'cluster-virtual', 'cluster-physical'] as const) {
        const answer = await call(api.url, 'POST', `/api/v1/clusters/${name}`, {
          body: bodyFor(version, seed(name)),
        });
        answers.push({ name, ...answer });
      }
      clone = freshClone(scratch, gitlab.cloneUrl);
    });

    afterAll(async () => {
      await api?.stop();
      await gitlab?.stop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('when the three are posted in order, then each answers 200 with the contract message', () => {
      expect(answers).toEqual([
        expect.objectContaining({
          name: 'cluster-host',
          status: 200,
          body: { message: 'Successfully saved cluster-host cluster' },
        }),
        expect.objectContaining({
          name: 'cluster-virtual',
          status: 200,
          body: { message: 'Successfully saved cluster-virtual cluster' },
        }),
        expect.objectContaining({
          name: 'cluster-physical',
          status: 200,
          body: { message: 'Successfully saved cluster-physical cluster' },
        }),
      ]);
    });

    it('when listing, then the three clusters are there, without any kubeconfig', async () => {
      const { status, body } = await call<{ items: Record<string, unknown>[] }>(
        api.url,
        'GET',
        '/api/v1/clusters',
      );
      expect(status).toBe(200);
      expect(body.items.map((c) => c.name)).toEqual([
        'cluster-host',
        'cluster-physical',
        'cluster-virtual',
      ]);
      expect(JSON.stringify(body)).not.toContain('kubeconfig');
      expect(JSON.stringify(body)).not.toContain('client-key-data');
    });

    it('when getting the virtual cluster, then it has the generation’s shape', async () => {
      const { status, body } = await call(api.url, 'GET', '/api/v1/clusters/cluster-virtual');
      expect(status).toBe(200);
      expect(body).toEqual(expected.virtualReply);
    });

    it('when getting the physical host, then its gateway ports are returned and the kubeconfig is not', async () => {
      const { body } = await call(api.url, 'GET', '/api/v1/clusters/cluster-host');
      expect(body).toEqual(expected.hostReply);
    });

    it('when reading the remote, then each file is the contract Cluster resource and the kustomization lists them sorted', () => {
      const file = (name: string) =>
        parse(readFileSync(path.join(clone, CLUSTERS, `${name}.yaml`), 'utf8')) as unknown;
      for (const name of ['cluster-host', 'cluster-virtual', 'cluster-physical']) {
        expect(file(name)).toEqual(expected.files[name]);
      }
      expect(parse(readFileSync(path.join(clone, CLUSTERS, 'kustomization.yaml'), 'utf8'))).toEqual(
        {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: ['cluster-host.yaml', 'cluster-physical.yaml', 'cluster-virtual.yaml'],
        },
      );
    });

    it('when reading the history, then there is one commit per save, authored and committed as the caller', () => {
      const log = git(clone, 'log', '--format=%an <%ae>|%cn <%ce>|%s').trim().split('\n');
      expect(log.slice(0, 3)).toEqual([
        'Local Maintainer <maintainer@local-gitlab.test>|Local Maintainer <maintainer@local-gitlab.test>|Save cluster cluster-physical',
        'Local Maintainer <maintainer@local-gitlab.test>|Local Maintainer <maintainer@local-gitlab.test>|Save cluster cluster-virtual',
        'Local Maintainer <maintainer@local-gitlab.test>|Local Maintainer <maintainer@local-gitlab.test>|Save cluster cluster-host',
      ]);
      expect(log).toHaveLength(4);
    });

    it('when searching every blob in the history, then no kubeconfig text is anywhere', () => {
      const objects = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], {
        cwd: gitlab.bareRepo,
        maxBuffer: 64 << 20,
      });
      const all = objects.toString('latin1');
      const clientKey = /client-key-data: (\S+)/.exec(SEED_KUBECONFIG)?.[1] ?? 'missing';
      expect(clientKey.length).toBeGreaterThan(40);
      for (const needle of [
        clientKey,
        clientKey.slice(0, 40),
        'client-certificate-data',
        'certificate-authority-data',
        'kubeconfig',
        'current-context',
      ]) {
        expect(all).not.toContain(needle);
      }
      // Also nothing base64-encoded.
      expect(all).not.toContain(Buffer.from(SEED_KUBECONFIG).toString('base64').slice(0, 60));
    });

    it('when looking at the secret store, then both physical kubeconfigs are there, encrypted', () => {
      const dir = path.join(api.dataDir, 'secrets/cluster/kubernetes');
      const host = readFileSync(path.join(dir, 'cluster-host/default/admin.secret.json'), 'utf8');
      readFileSync(path.join(dir, 'cluster-physical/default/admin.secret.json'));
      expect(host).not.toContain('client-key-data');
      expect(() =>
        readFileSync(path.join(dir, 'cluster-virtual/default/admin.secret.json')),
      ).toThrow();
    });

    it('when filtering with field_selector, then only matching clusters are listed', async () => {
      const names = async (selector: string) =>
        (
          await call<{ items: { name: string }[] }>(
            api.url,
            'GET',
            `/api/v1/clusters?field_selector=${encodeURIComponent(selector)}`,
          )
        ).body.items.map((c) => c.name);
      expect(await names('usage=host')).toEqual(['cluster-host']);
      expect(await names('cluster_type=physical')).toEqual(['cluster-host', 'cluster-physical']);
      expect(await names('usage=worker,worker_type=pipeline')).toEqual(['cluster-virtual']);
      expect(await names('cluster_name=phys')).toEqual(['cluster-physical']);
      expect(await names('cluster_name=nothing-like-this')).toEqual([]);
    });

    it('when the logs are read, then no token or kubeconfig was logged and every request has an id', () => {
      const logs = api.logs();
      expect(logs).not.toContain('glpat-local-maintainer');
      expect(logs).not.toContain('client-key-data');
      expect(logs).not.toContain('Bearer');
      const requests = logs
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { req?: { id?: string } })
        .filter((entry) => entry.req);
      expect(requests.length).toBeGreaterThan(3);
      for (const entry of requests) expect(entry.req?.id).toMatch(/^[\w-]+$/);
    });
  });
});
