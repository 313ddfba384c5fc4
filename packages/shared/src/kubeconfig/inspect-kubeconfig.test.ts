import { describe, expect, it } from 'vitest';
import { seedKubeconfig, toBase64 } from '../../tests/fixtures';
import {
  JSON_KUBECONFIG,
  MULTI_CONTEXT_KUBECONFIG,
  NO_CLUSTERS_KUBECONFIG,
  NO_USERS_KUBECONFIG,
} from '../../tests/kubeconfigs';
import { inspectKubeconfig, kubeconfigProblem, type KubeconfigInfo } from './inspect-kubeconfig';

function inspectOk(input: string): KubeconfigInfo {
  const result = inspectKubeconfig(input);
  if (!result.ok) throw new Error(`expected a kubeconfig, got: ${result.error}`);
  return result.kubeconfig;
}

describe('inspectKubeconfig', () => {
  it('when the seed kubeconfig is inspected, then its one context is described', () => {
    expect(inspectOk(seedKubeconfig())).toEqual({
      encoding: 'yaml',
      currentContext: 'default',
      clusterNames: ['default'],
      userNames: ['default'],
      contexts: [
        {
          name: 'default',
          cluster: 'default',
          user: 'default',
          server: 'https://127.0.0.1:6443',
          serverIsLoopback: true,
          insecureSkipTlsVerify: false,
          hasCertificateAuthority: true,
          auth: { kind: 'client-certificate' },
          clusterMissing: false,
          userMissing: false,
        },
      ],
    });
  });

  it('when the seed kubeconfig is given as base64, then the encoding says so', () => {
    const info = inspectOk(toBase64(seedKubeconfig()));
    expect(info.encoding).toBe('base64');
    expect(info.contexts.map((c) => c.name)).toEqual(['default']);
  });

  const multi = inspectOk(MULTI_CONTEXT_KUBECONFIG);
  const context = (name: string) => multi.contexts.find((c) => c.name === name);

  it('when a kubeconfig has several contexts, then each is listed in file order', () => {
    expect(multi.currentContext).toBe('prod');
    expect(multi.contexts.map((c) => c.name)).toEqual([
      'prod',
      'staging',
      'kind',
      'eks',
      'ipv6',
      'gke',
      'dangling',
    ]);
    expect(multi.clusterNames).toHaveLength(6);
    expect(multi.userNames).toHaveLength(6);
  });

  it.each([
    { name: 'prod', auth: { kind: 'token' } },
    { name: 'staging', auth: { kind: 'basic' } },
    { name: 'kind', auth: { kind: 'client-certificate' } },
    { name: 'eks', auth: { kind: 'exec', command: 'aws' } },
    { name: 'gke', auth: { kind: 'auth-provider', provider: 'gcp' } },
    { name: 'ipv6', auth: { kind: 'none' } },
    { name: 'dangling', auth: { kind: 'none' } },
  ])('when context $name is inspected, then its auth is $auth.kind', ({ name, auth }) => {
    expect(context(name)?.auth).toEqual(auth);
  });

  it.each([
    { name: 'prod', server: 'https://203.0.113.10:6443', loopback: false },
    { name: 'staging', server: 'https://staging.example.com', loopback: false },
    { name: 'kind', server: 'https://127.0.0.1:40123', loopback: true },
    { name: 'ipv6', server: 'https://[::1]:6443', loopback: true },
    { name: 'gke', server: 'https://localhost:8443', loopback: true },
  ])('when context $name points at $server, then loopback is $loopback', (row) => {
    expect(context(row.name)).toMatchObject({ server: row.server, serverIsLoopback: row.loopback });
  });

  it.each([
    { name: 'prod', insecure: false, ca: true },
    { name: 'staging', insecure: true, ca: false },
    { name: 'kind', insecure: false, ca: true },
    { name: 'ipv6', insecure: false, ca: false },
  ])('when context $name is inspected, then insecure=$insecure and CA=$ca', (row) => {
    expect(context(row.name)).toMatchObject({
      insecureSkipTlsVerify: row.insecure,
      hasCertificateAuthority: row.ca,
    });
  });

  it('when a context has a namespace, then it is reported; otherwise it is absent', () => {
    expect(context('prod')?.namespace).toBe('apps');
    expect(context('staging')).not.toHaveProperty('namespace');
  });

  it('when a context names a cluster and user that do not exist, then both are flagged', () => {
    expect(context('dangling')).toMatchObject({
      clusterMissing: true,
      userMissing: true,
      serverIsLoopback: false,
    });
    expect(context('dangling')).not.toHaveProperty('server');
  });

  it('when a kubeconfig is JSON with a tokenFile user, then it is inspected like YAML', () => {
    const info = inspectOk(JSON_KUBECONFIG);
    expect(info.contexts[0]?.auth).toEqual({ kind: 'token' });
    expect(info).not.toHaveProperty('currentContext');
  });

  it('when a kubeconfig has broken YAML, then the error carries the line number', () => {
    const result = inspectKubeconfig(
      'apiVersion: v1\nkind: Config\nclusters:\n  - name: a\n   x: 1\n',
    );
    expect(result).toMatchObject({ ok: false, line: 5 });
  });
});

describe('kubeconfigProblem', () => {
  it.each([
    { name: 'the seed kubeconfig', input: seedKubeconfig() },
    { name: 'the seed kubeconfig as base64', input: toBase64(seedKubeconfig()) },
    { name: 'a kubeconfig with several contexts', input: MULTI_CONTEXT_KUBECONFIG },
  ])('when given $name, then there is no problem', ({ input }) => {
    expect(kubeconfigProblem(input)).toBeUndefined();
  });

  it.each([
    { name: 'no clusters', input: NO_CLUSTERS_KUBECONFIG, message: /no clusters/ },
    { name: 'no users', input: NO_USERS_KUBECONFIG, message: /no users/ },
    { name: 'broken YAML', input: 'clusters: [\n  a: b\n', message: /not valid YAML at line/ },
    { name: 'plain text', input: 'hello', message: /not a kubeconfig/ },
    { name: 'an empty text', input: '', message: /empty/ },
  ])('when given $name, then the problem says so', ({ input, message }) => {
    expect(kubeconfigProblem(input)).toMatch(message);
  });
});
