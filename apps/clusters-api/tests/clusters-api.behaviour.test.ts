/**
 * The contract route by route and error by error, the save-body rules, updates, deletes and
 * permissions, against the real local GitLab and real Git. Run in both API generations: the
 * bodies are written in v0.3 and translated for v0.4 (helpers/generations.ts); where the two
 * differ (defaults, replies, the kubeconfig on updates) each has its expectation.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFor, fieldFor, GENERATIONS } from './helpers/generations';
import { commitSubjects, freshClone, git, makeTempDir } from './helpers/git-fixtures';
import {
  kubeconfigFor,
  physicalHost,
  snapshotTree,
  virtualWorker,
  type SeedBody,
} from './helpers/seeds';
import {
  call,
  headOf,
  startClustersApi,
  startLocalGitLab,
  TOKENS,
  type LocalGitLab,
  type RunningClustersApi,
} from './helpers/stack';

const anyString = expect.any(String) as string;

interface ErrorBody {
  code: number;
  reason: string;
  message: string;
  metadata: Record<string, string>;
}

const physicalWorker = (): SeedBody => ({
  ...physicalHost(),
  usage: 'worker',
  worker_type: 'deployment',
});

describe.each(GENERATIONS)('NAUTES_API_VERSION=%s', (version) => {
  const v04 = version === 'v0.4';
  let gitlab: LocalGitLab;
  let api: RunningClustersApi;
  let scratch: string;

  const post = (name: string, body: unknown, token?: string | null) =>
    call<ErrorBody>(api.url, 'POST', `/api/v1/clusters/${name}`, {
      body: bodyFor(version, body),
      token,
    });
  const del = (name: string, token?: string | null) =>
    call<ErrorBody>(api.url, 'DELETE', `/api/v1/clusters/${name}`, { token });
  const get = (name: string, token?: string | null) =>
    call<ErrorBody>(api.url, 'GET', `/api/v1/clusters/${name}`, { token });

  function secretFile(name: string): string {
    return path.join(api.dataDir, 'secrets/cluster/kubernetes', name, 'default/admin.secret.json');
  }

  async function storedKubeconfig(name: string): Promise<string | undefined> {
    const data = await api.api.secrets.get({
      mount: 'cluster',
      path: `kubernetes/${name}/default/admin`,
    });
    return data?.kubeconfig;
  }

  beforeAll(async () => {
    gitlab = await startLocalGitLab();
    api = await startClustersApi(gitlab.url, { NAUTES_API_VERSION: version });
    scratch = makeTempDir();
  });

  afterAll(async () => {
    await api?.stop();
    await gitlab?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  describe('the error table', () => {
    it('when the JSON is malformed, then 400 VALIDATION_FAILED on body, without echoing it', async () => {
      const answer = await call<ErrorBody>(api.url, 'POST', '/api/v1/clusters/bad-json', {
        rawBody: '{"api_server": "x", kubeconfig: secret-stuff',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 400,
        reason: 'VALIDATION_FAILED',
        metadata: { body: anyString },
      });
      expect(JSON.stringify(answer.body)).not.toContain('secret-stuff');
    });

    it('when a port is a JSON number, then 400 on that field path', async () => {
      const answer = await post('wrong-type', {
        ...physicalHost(),
        traefik: { http_node_port: 30080 },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.reason).toBe('VALIDATION_FAILED');
      expect(Object.keys(answer.body.metadata)).toEqual([
        fieldFor(version, 'traefik.http_node_port'),
      ]);
    });

    it('when the body is over 1 MiB, then 413 PAYLOAD_TOO_LARGE', async () => {
      const answer = await post('too-large', {
        ...physicalHost(),
        padding: 'x'.repeat(1024 * 1024),
      });
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        code: 413,
        reason: 'PAYLOAD_TOO_LARGE',
        message: anyString,
        metadata: {},
      });
    });

    it('when there is no token, or it is unknown, or not a bearer, then 401 UNAUTHENTICATED', async () => {
      for (const answer of [
        await get('x', null),
        await get('x', 'glpat-no-such-token'),
        await post('x', physicalHost(), 'glpat-no-such-token'),
        await call<ErrorBody>(api.url, 'GET', '/api/v1/clusters', {
          token: null,
          headers: { authorization: 'Basic b2F1dGgyOng=' },
        }),
      ]) {
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ code: 401, reason: 'UNAUTHENTICATED', metadata: {} });
      }
    });

    it('when the cluster does not exist, then 404 RESOURCE_NOT_FOUND naming it', async () => {
      for (const answer of [await get('no-such-cluster'), await del('no-such-cluster')]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({
          code: 404,
          reason: 'RESOURCE_NOT_FOUND',
          metadata: { cluster: 'no-such-cluster' },
        });
      }
    });

    it('when a virtual cluster names a host that is not registered, then 404 naming the host, and nothing is written', async () => {
      const head = headOf(gitlab.bareRepo);
      const answer = await post('orphan-virtual', virtualWorker('no-such-host'));
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({
        reason: 'RESOURCE_NOT_FOUND',
        metadata: { cluster: 'no-such-host' },
      });
      expect(headOf(gitlab.bareRepo)).toBe(head);
    });

    it('when a virtual cluster names a worker as its host, then 400 on host_cluster', async () => {
      expect((await post('a-worker', physicalWorker())).status).toBe(200);
      const answer = await post('on-a-worker', virtualWorker('a-worker'));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        reason: 'VALIDATION_FAILED',
        metadata: { host_cluster: expect.stringContaining('a-worker') as string },
      });
    });

    it('when the route is unknown, then 404 NOT_FOUND in the error shape', async () => {
      for (const answer of [
        await call<ErrorBody>(api.url, 'GET', '/api/v2/clusters'),
        await call<ErrorBody>(api.url, 'PUT', '/api/v1/clusters/x', { body: {} }),
        await call<ErrorBody>(api.url, 'GET', '/api/v1/clusters/a/b'),
      ]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({ code: 404, reason: 'NOT_FOUND', metadata: {} });
      }
    });

    it('when something unexpected fails, then 500 INTERNAL says nothing internal and writes nothing', async () => {
      // A file where the secret's directory should be: the secret store cannot write.
      const blocker = path.join(api.dataDir, 'secrets/cluster/kubernetes/broken-store');
      mkdirSync(path.dirname(blocker), { recursive: true });
      writeFileSync(blocker, 'not a directory');
      const head = headOf(gitlab.bareRepo);
      try {
        const answer = await post('broken-store', physicalHost());
        expect(answer.status).toBe(500);
        expect(answer.body).toEqual({
          code: 500,
          reason: 'INTERNAL',
          message: anyString,
          metadata: {},
        });
        expect(answer.body.message).not.toMatch(/\/|ENOTDIR|at |Error/);
        expect(headOf(gitlab.bareRepo)).toBe(head);
        expect(api.logs()).toContain('ENOTDIR'); // logged for the operator, not answered
      } finally {
        rmSync(blocker);
      }
    });

    it('when field_selector has an unknown key or operator, then 400 naming the key', async () => {
      for (const [selector, key] of [
        ['region=eu', 'region'],
        ['usage!=host', 'usage'],
        ['usage==host', 'usage'],
        ['cluster_type', 'cluster_type'],
      ] as const) {
        const answer = await call<ErrorBody>(
          api.url,
          'GET',
          `/api/v1/clusters?field_selector=${encodeURIComponent(selector)}`,
        );
        expect(answer.status).toBe(400);
        expect(answer.body.reason).toBe('VALIDATION_FAILED');
        expect(answer.body.metadata.field_selector).toContain(key);
        expect(answer.body.message).toContain(key);
      }
    });

    it('when insecure_skip_check is given, then it is accepted and ignored', async () => {
      const saved = await call(
        api.url,
        'POST',
        '/api/v1/clusters/skip-check?insecure_skip_check=true',
        { body: physicalHost() },
      );
      expect(saved).toMatchObject({
        status: 200,
        body: { message: 'Successfully saved skip-check cluster' },
      });
      const deleted = await call(
        api.url,
        'DELETE',
        '/api/v1/clusters/skip-check?insecure_skip_check=false',
      );
      expect(deleted).toMatchObject({
        status: 200,
        body: { message: 'Successfully deleted skip-check cluster' },
      });
    });
  });

  describe('the save body rules', () => {
    const virtual = () => virtualWorker('rules-host');
    const cases: [string, string, () => unknown, string][] = [
      [
        'api_server is missing',
        'r1',
        () => ({ ...physicalHost(), api_server: undefined }),
        'api_server',
      ],
      [
        'api_server is not a URL',
        'r2',
        () => ({ ...physicalHost(), api_server: 'not a url' }),
        'api_server',
      ],
      [
        'api_server is not http(s)',
        'r3',
        () => ({ ...physicalHost(), api_server: 'ftp://203.0.113.10' }),
        'api_server',
      ],
      [
        'api_server has port 70000',
        'r4',
        () => ({ ...physicalHost(), api_server: 'https://203.0.113.10:70000' }),
        'api_server',
      ],
      [
        'cluster_kind is not kubernetes',
        'r5',
        () => ({ ...physicalHost(), cluster_kind: 'nomad' }),
        'cluster_kind',
      ],
      [
        'cluster_type is unknown',
        'r6',
        () => ({ ...physicalHost(), cluster_type: 'cloud' }),
        'cluster_type',
      ],
      ['usage is unknown', 'r7', () => ({ ...physicalHost(), usage: 'both' }), 'usage'],
      [
        'a virtual cluster is a host',
        'r8',
        () => ({ ...virtual(), usage: 'host', worker_type: '' }),
        'usage',
      ],
      [
        'a worker has no worker_type',
        'r9',
        () => ({ ...physicalWorker(), worker_type: '' }),
        'worker_type',
      ],
      [
        'a host has a worker_type',
        'r10',
        () => ({ ...physicalHost(), worker_type: 'pipeline' }),
        'worker_type',
      ],
      [
        'worker_type is unknown',
        'r11',
        () => ({ ...physicalWorker(), worker_type: 'batch' }),
        'worker_type',
      ],
      [
        'a virtual cluster has no host_cluster',
        'r12',
        () => ({ ...virtual(), host_cluster: '' }),
        'host_cluster',
      ],
      [
        'a physical cluster has a host_cluster',
        'r13',
        () => ({ ...physicalHost(), host_cluster: 'rules-host' }),
        'host_cluster',
      ],
      [
        'host_cluster is not a cluster name',
        'r14',
        () => ({ ...virtual(), host_cluster: 'Not_A_Name' }),
        'host_cluster',
      ],
      ['a virtual cluster is its own host', 'r15', () => virtualWorker('r15'), 'host_cluster'],
      [
        'primary_domain is not a DNS name',
        'r16',
        () => ({ ...physicalHost(), primary_domain: 'bad domain!' }),
        'primary_domain',
      ],
      [
        'argocd_host is not a DNS name',
        'r17',
        () => ({ ...physicalWorker(), argocd_host: 'bad host' }),
        'argocd_host',
      ],
      [
        'tekton_host is not a DNS name',
        'r18',
        () => ({ ...physicalWorker(), worker_type: 'pipeline', tekton_host: '-x-' }),
        'tekton_host',
      ],
      [
        'traefik.http_node_port is not digits',
        'r19',
        () => ({ ...physicalHost(), traefik: { http_node_port: 'http' } }),
        'traefik.http_node_port',
      ],
      [
        'traefik.https_node_port is 70000',
        'r20',
        () => ({ ...physicalHost(), traefik: { https_node_port: '70000' } }),
        'traefik.https_node_port',
      ],
      [
        'vcluster.https_node_port is 0',
        'r21',
        () => ({ ...virtual(), vcluster: { https_node_port: '0' } }),
        'vcluster.https_node_port',
      ],
      [
        'a new physical cluster has no kubeconfig',
        'r22',
        () => ({ ...physicalHost(), kubeconfig: undefined }),
        'kubeconfig',
      ],
      [
        'the kubeconfig is not YAML',
        'r23',
        () => ({ ...physicalHost(), kubeconfig: 'clusters: [unclosed' }),
        'kubeconfig',
      ],
      [
        'the kubeconfig has no user',
        'r24',
        () => ({
          ...physicalHost(),
          kubeconfig:
            'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: https://x}\n',
        }),
        'kubeconfig',
      ],
      [
        'the kubeconfig is a number',
        'r25',
        () => ({ ...physicalHost(), kubeconfig: 42 }),
        'kubeconfig',
      ],
      [
        'reserved namespaces are not an object',
        'r26',
        () => ({ ...physicalHost(), reserved_namespaces_allowed_products: ['a'] }),
        'reserved_namespaces_allowed_products',
      ],
      [
        'a reserved namespace is not a name',
        'r27',
        () => ({ ...physicalHost(), reserved_namespaces_allowed_products: { Bad_NS: ['p'] } }),
        'reserved_namespaces_allowed_products.Bad_NS',
      ],
      [
        'a cluster resource has no kind',
        'r28',
        () => ({ ...physicalHost(), product_allowed_cluster_resources: { p: [{ group: 'g' }] } }),
        'product_allowed_cluster_resources.p.0.kind',
      ],
      ['the body is not an object', 'r29', () => [physicalHost()], 'body'],
      ['the name is not a DNS label', 'Bad_Name', () => physicalHost(), 'cluster_name'],
      ['the name is longer than 63', 'x'.repeat(64), () => physicalHost(), 'cluster_name'],
    ];

    beforeAll(async () => {
      expect((await post('rules-host', physicalHost())).status).toBe(200);
    });

    it.each(cases)(
      'when %s, then 400 VALIDATION_FAILED on that field',
      async (_title, name, body, field) => {
        const head = headOf(gitlab.bareRepo);
        const answer = await post(name, body());
        const path = fieldFor(version, field);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 400, reason: 'VALIDATION_FAILED' });
        expect(answer.body.metadata).toHaveProperty([path]);
        expect(answer.body.metadata[path]).toEqual(anyString);
        expect(headOf(gitlab.bareRepo)).toBe(head);
      },
    );

    it('when several fields are wrong, then each is reported at once', async () => {
      const answer = await post('Bad_Name', {
        ...physicalHost(),
        cluster_kind: 'nomad',
        traefik: { http_node_port: 'x' },
      });
      expect(Object.keys(answer.body.metadata).sort()).toEqual([
        'cluster_kind',
        'cluster_name',
        fieldFor(version, 'traefik.http_node_port'),
      ]);
    });

    it('when unknown fields are sent, then they are dropped silently', async () => {
      expect(
        (
          await post('with-extras', {
            ...physicalHost(),
            components_list: { x: 1 },
            colour: 'blue',
          })
        ).status,
      ).toBe(200);
      const clone = freshClone(scratch, gitlab.cloneUrl);
      const file = git(clone, 'show', 'HEAD:nautes/overlays/production/clusters/with-extras.yaml');
      expect(file).not.toContain('colour');
      // v0.3 has no components; v0.4 has only a host's (the unknown category "x" is dropped).
      if (v04) {
        const spec = (parse(file) as { spec: { componentsList: object } }).spec;
        expect(Object.keys(spec.componentsList)).toEqual([
          'gateway',
          'oauthProxy',
          'secretManagement',
        ]);
      } else {
        expect(file).not.toContain('components');
      }
    });

    it('when the kubeconfig is base64, then it is accepted and stored as sent', async () => {
      const encoded = Buffer.from(kubeconfigFor('b64-token')).toString('base64');
      expect(
        (await post('b64-kubeconfig', { ...physicalHost(), kubeconfig: encoded })).status,
      ).toBe(200);
      expect(await storedKubeconfig('b64-kubeconfig')).toBe(encoded);
    });

    it('when a virtual cluster sends a kubeconfig, then it is ignored and not stored', async () => {
      expect(
        (await post('virtual-with-kc', { ...virtual(), kubeconfig: 'not even yaml: [' })).status,
      ).toBe(200);
      expect(await storedKubeconfig('virtual-with-kc')).toBeUndefined();
    });

    it('when defaults apply, then the stored cluster has them', async () => {
      expect(
        (
          await post('defaults-worker', {
            ...physicalWorker(),
            worker_type: 'pipeline',
            traefik: undefined,
          })
        ).status,
      ).toBe(200);
      const { body } = await get('defaults-worker');
      expect(body).toMatchObject(
        v04
          ? {
              primary_domain: '203.0.113.10.nip.io',
              components_list: {
                deployment: { additions: { host: 'argocd.defaults-worker.203.0.113.10.nip.io' } },
                pipeline: { additions: { host: 'tekton.defaults-worker.203.0.113.10.nip.io' } },
                gateway: { additions: { httpNodePort: '30080', httpsNodePort: '30443' } },
              },
            }
          : {
              primary_domain: '203.0.113.10.nip.io',
              argocd_host: 'argocd.defaults-worker.203.0.113.10.nip.io',
              tekton_host: 'tekton.defaults-worker.203.0.113.10.nip.io',
              traefik: { http_node_port: '30080', https_node_port: '30443' },
            },
      );
    });
  });

  describe('delete', { timeout: 60_000 }, () => {
    it('when a host still has a virtual cluster, then 409 naming it; after deleting the virtual, the host goes too, with its secret', async () => {
      expect((await post('del-host', physicalHost())).status).toBe(200);
      expect((await post('del-virtual-b', virtualWorker('del-host'))).status).toBe(200);
      expect((await post('del-virtual-a', virtualWorker('del-host'))).status).toBe(200);
      expect(await storedKubeconfig('del-host')).toBeDefined();

      const refused = await del('del-host');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 409,
        reason: 'RESOURCE_IN_USE',
        metadata: { referenced_by: 'del-virtual-a,del-virtual-b' },
      });

      expect((await del('del-virtual-a')).body).toEqual({
        message: 'Successfully deleted del-virtual-a cluster',
      });
      expect((await del('del-virtual-b')).status).toBe(200);
      expect((await del('del-host')).body).toEqual({
        message: 'Successfully deleted del-host cluster',
      });

      expect((await get('del-host')).status).toBe(404);
      expect(await storedKubeconfig('del-host')).toBeUndefined();
      const clone = freshClone(scratch, gitlab.cloneUrl);
      expect(commitSubjects(clone).slice(0, 3)).toEqual([
        'Delete cluster del-host',
        'Delete cluster del-virtual-b',
        'Delete cluster del-virtual-a',
      ]);
      expect(git(clone, 'ls-files')).not.toContain('del-');
      expect(
        git(clone, 'show', 'HEAD:nautes/overlays/production/clusters/kustomization.yaml'),
      ).not.toContain('del-');
    });
  });

  describe('update', { timeout: 60_000 }, () => {
    it('when a cluster is posted again with a change, then the change is stored', async () => {
      expect((await post('upd-a', physicalWorker())).status).toBe(200);
      expect(
        (await post('upd-a', { ...physicalWorker(), primary_domain: 'apps.example.com' })).status,
      ).toBe(200);
      // v0.4 hangs default hosts under the API server's address, not the primary domain.
      expect((await get('upd-a')).body).toMatchObject(
        v04
          ? {
              primary_domain: 'apps.example.com',
              components_list: {
                deployment: { additions: { host: 'argocd.upd-a.203.0.113.10.nip.io' } },
              },
            }
          : { primary_domain: 'apps.example.com', argocd_host: 'argocd.upd-a.apps.example.com' },
      );
      expect(commitSubjects(freshClone(scratch, gitlab.cloneUrl))[0]).toBe('Save cluster upd-a');
    });

    it('when the usage of a host with a virtual cluster changes, then 409 RESOURCE_IN_USE; other fields may change', async () => {
      expect((await post('upd-host', physicalHost())).status).toBe(200);
      expect((await post('upd-virtual', virtualWorker('upd-host'))).status).toBe(200);
      const head = headOf(gitlab.bareRepo);

      const refused = await post('upd-host', {
        ...physicalHost(),
        usage: 'worker',
        worker_type: 'deployment',
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        reason: 'RESOURCE_IN_USE',
        metadata: { referenced_by: 'upd-virtual' },
      });
      expect(headOf(gitlab.bareRepo)).toBe(head);

      expect(
        (await post('upd-host', { ...physicalHost(), primary_domain: 'host.example.com' })).status,
      ).toBe(200);
    });

    // v0.4 needs the kubeconfig on every save: clusters-api.v04.test.ts checks the 400.
    it.skipIf(v04)(
      'when a physical cluster is updated without a kubeconfig, then the stored one is kept',
      async () => {
        const original = kubeconfigFor('keep-me');
        expect((await post('upd-keep', { ...physicalWorker(), kubeconfig: original })).status).toBe(
          200,
        );
        const before = snapshotTree(path.dirname(secretFile('upd-keep')));

        const answer = await post('upd-keep', {
          ...physicalWorker(),
          kubeconfig: undefined,
          primary_domain: 'keep.example.com',
        });
        expect(answer.status).toBe(200);
        expect(snapshotTree(path.dirname(secretFile('upd-keep')))).toEqual(before);
        expect(await storedKubeconfig('upd-keep')).toBe(original);

        expect(
          (await post('upd-keep', { ...physicalWorker(), kubeconfig: kubeconfigFor('replaced') }))
            .status,
        ).toBe(200);
        expect(await storedKubeconfig('upd-keep')).toBe(kubeconfigFor('replaced'));
      },
    );

    it('when a physical cluster becomes virtual, then its stored kubeconfig is removed', async () => {
      expect((await post('upd-host-2', physicalHost())).status).toBe(200);
      expect((await post('upd-turns', physicalWorker())).status).toBe(200);
      expect((await post('upd-turns', virtualWorker('upd-host-2'))).status).toBe(200);
      expect(await storedKubeconfig('upd-turns')).toBeUndefined();
      // and back again needs a kubeconfig: none is stored any more
      const answer = await post('upd-turns', { ...physicalWorker(), kubeconfig: undefined });
      expect(answer.status).toBe(400);
      expect(answer.body.metadata).toHaveProperty(['kubeconfig']);
    });
  });

  describe('permissions', { timeout: 60_000 }, () => {
    it('when the developer saves or deletes, then 403 and the repository head and secret store are byte-for-byte unchanged', async () => {
      expect((await post('perm-existing', physicalHost())).status).toBe(200);
      const head = headOf(gitlab.bareRepo);
      const refs = git(gitlab.bareRepo, 'for-each-ref');
      const secrets = snapshotTree(path.join(api.dataDir, 'secrets'));
      expect(Object.keys(secrets).length).toBeGreaterThan(0);

      for (const answer of [
        await post('perm-new', physicalHost(), TOKENS.developer),
        await post(
          'perm-existing',
          { ...physicalHost(), kubeconfig: kubeconfigFor('overwrite') },
          TOKENS.developer,
        ),
        await del('perm-existing', TOKENS.developer),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ code: 403, reason: 'NO_AUTHORIZATION', metadata: {} });
        expect(answer.body.message).toMatch(/push/);
      }
      expect(headOf(gitlab.bareRepo)).toBe(head);
      expect(git(gitlab.bareRepo, 'for-each-ref')).toBe(refs);
      expect(snapshotTree(path.join(api.dataDir, 'secrets'))).toEqual(secrets);
    });

    it('when the developer reads, then it is allowed', async () => {
      expect(
        (await call(api.url, 'GET', '/api/v1/clusters', { token: TOKENS.developer })).status,
      ).toBe(200);
      expect((await get('perm-existing', TOKENS.developer)).status).toBe(200);
    });

    it('when the outsider calls, then 403 NO_AUTHORIZATION on every route', async () => {
      for (const answer of [
        await call<ErrorBody>(api.url, 'GET', '/api/v1/clusters', { token: TOKENS.outsider }),
        await get('perm-existing', TOKENS.outsider),
        await post('perm-outsider', physicalHost(), TOKENS.outsider),
        await del('perm-existing', TOKENS.outsider),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ code: 403, reason: 'NO_AUTHORIZATION' });
        expect(answer.body.message).toContain('not a member');
      }
    });
  });

  describe('service routes', () => {
    it('when /healthz is asked, then 200', async () => {
      expect(await call(api.url, 'GET', '/healthz', { token: null })).toMatchObject({
        status: 200,
        body: { status: 'ok', nautes_api_version: version },
      });
    });

    it('when /openapi.json is asked, then an OpenAPI 3.1 document of the four routes with the shared schemas', async () => {
      const { status, body } = await call<{
        openapi: string;
        info: { version: string };
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      }>(api.url, 'GET', '/openapi.json', { token: null });
      expect(status).toBe(200);
      expect(body.openapi).toBe('3.1.0');
      expect(body.info.version).toBe(v04 ? '0.4.0' : '0.3.0');
      expect(Object.keys(body.paths['/api/v1/clusters'] ?? {})).toEqual(['get']);
      expect(Object.keys(body.paths['/api/v1/clusters/{cluster_name}'] ?? {}).sort()).toEqual([
        'delete',
        'get',
        'parameters',
        'post',
      ]);
      expect(Object.keys(body.components.schemas.SaveClusterBody?.properties ?? {})).toEqual(
        expect.arrayContaining([
          'api_server',
          'cluster_type',
          v04 ? 'components_list' : 'traefik',
          'kubeconfig',
          'product_allowed_cluster_resources',
        ]),
      );
      expect(body.components.schemas.Cluster?.properties).not.toHaveProperty('kubeconfig');
      expect(body.components.schemas.ApiError?.properties).toHaveProperty('metadata');
    });

    it('when a request carries an id, then the answer echoes it', async () => {
      const answer = await call(api.url, 'GET', '/healthz', {
        token: null,
        headers: { 'x-request-id': 'req-123' },
      });
      expect(answer.headers.get('x-request-id')).toBe('req-123');
    });
  });
});
