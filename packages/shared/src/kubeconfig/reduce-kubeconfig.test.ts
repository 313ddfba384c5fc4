import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { seedKubeconfig, toBase64 } from '../../tests/fixtures';
import { MULTI_CONTEXT_KUBECONFIG } from '../../tests/kubeconfigs';
import { inspectKubeconfig } from './inspect-kubeconfig';
import { reduceKubeconfig, tryReduceKubeconfig } from './reduce-kubeconfig';

describe('reduceKubeconfig', () => {
  it('when one of several contexts is chosen, then only it, its cluster and its user remain', () => {
    const reduced = reduceKubeconfig(MULTI_CONTEXT_KUBECONFIG, 'eks');
    const value = parse(reduced) as Record<string, unknown>;
    expect(value).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'eks-cluster',
          cluster: {
            server: 'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
            'certificate-authority-data': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
          },
        },
      ],
      contexts: [{ name: 'eks', context: { cluster: 'eks-cluster', user: 'exec-user' } }],
      users: [
        {
          name: 'exec-user',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: 'aws',
              args: ['eks', 'get-token', '--cluster-name', 'prod'],
            },
          },
        },
      ],
      'current-context': 'eks',
    });
    expect(reduced).not.toContain('fake-token');
    expect(reduced).not.toContain('fake-password');
  });

  it('when the reduced kubeconfig is inspected, then it has exactly the chosen context', () => {
    const result = inspectKubeconfig(reduceKubeconfig(MULTI_CONTEXT_KUBECONFIG, 'prod'));
    expect(result).toMatchObject({
      ok: true,
      kubeconfig: {
        currentContext: 'prod',
        clusterNames: ['prod-cluster'],
        userNames: ['token-user'],
        contexts: [{ name: 'prod', namespace: 'apps', auth: { kind: 'token' } }],
      },
    });
  });

  it('when the seed kubeconfig is given as base64, then the reduced one is plain YAML', () => {
    const reduced = reduceKubeconfig(toBase64(seedKubeconfig()), 'default');
    expect(reduced.startsWith('apiVersion: v1\n')).toBe(true);
    expect(parse(reduced)).toMatchObject({ 'current-context': 'default' });
  });

  it.each([
    {
      name: 'an unknown context',
      input: MULTI_CONTEXT_KUBECONFIG,
      ctx: 'nope',
      error: /no context named "nope"/,
    },
    {
      name: 'a context whose cluster is missing',
      input: MULTI_CONTEXT_KUBECONFIG,
      ctx: 'dangling',
      error: /cluster "missing-cluster"/,
    },
    {
      name: 'a context whose user is missing',
      input: MULTI_CONTEXT_KUBECONFIG.replace('user: cert-user', 'user: ghost'),
      ctx: 'kind',
      error: /user "ghost"/,
    },
    { name: 'broken YAML', input: 'a: [', ctx: 'x', error: /not valid YAML/ },
  ])('when reducing to $name, then it fails with a clear error', ({ input, ctx, error }) => {
    expect(() => reduceKubeconfig(input, ctx)).toThrow(error);
    expect(tryReduceKubeconfig(input, ctx)).toMatchObject({
      ok: false,
      error: expect.stringMatching(error) as unknown,
    });
  });
});
