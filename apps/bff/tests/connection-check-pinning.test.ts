import { kubeconfigFor, startLocalKube, type LocalKube } from '@cluster-console/local-kube';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../src/connection-check/address-policy';
import { parseApiServer, runConnectionCheck } from '../src/connection-check/connection-check';
import { parseNetwork } from '../src/connection-check/ip-networks';

/**
 * The check by a name, through an injected resolver that rebinds: its first answer is the
 * stand-in on 127.0.0.1, every later one the metadata address. The check asks once and connects
 * only to the first answer; TLS verifies the name (SNI `localhost`), not the address.
 */
let kube: LocalKube;

beforeAll(async () => {
  kube = await startLocalKube();
});

afterAll(async () => {
  await kube?.close();
});

function rebindingResolver(): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolver = (name: string) => {
    asked.push(name);
    const address = asked.length === 1 ? '127.0.0.1' : '169.254.169.254';
    return Promise.resolve([{ address, family: 4 }]);
  };
  return Object.assign(resolver, { asked });
}

const settings = (resolver: Resolver) => ({
  policy: { allowedNetworks: [parseNetwork('127.0.0.1/32')], protectedEndpoints: [] },
  resolver,
  allowHttp: false,
  timeoutMs: 5000,
  stepTimeoutMs: 2000,
  maxResponseBytes: 64 * 1024,
});

describe('runConnectionCheck by name', () => {
  it('when the name rebinds after the first answer, then it is asked once and every check used the first address', async () => {
    const resolver = rebindingResolver();
    const url = parseApiServer(`https://localhost:${kube.port}`, false);
    const kubeconfig = kubeconfigFor({
      server: url.href,
      caPem: kube.authority.certPem,
      certificate: kube.credentials['kube-admin']?.certificate,
    });
    const before = kube.requests.length;
    const answer = await runConnectionCheck(settings(resolver), url, kubeconfig);
    expect(resolver.asked).toEqual(['localhost']);
    expect(answer.address).toBe('127.0.0.1');
    expect(answer.checks.map((check) => check.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(answer.checks[1]?.message).toContain('valid for localhost');
    // /version, SelfSubjectReview, three SelfSubjectAccessReviews: all reached the stand-in.
    expect(kube.requests.length - before).toBe(5);
  });

  it('when the name resolves to the metadata address first, then nothing is contacted', async () => {
    const resolver: Resolver = () => Promise.resolve([{ address: '169.254.169.254', family: 4 }]);
    const url = parseApiServer('https://cluster.example.test:6443', false);
    const answer = await runConnectionCheck(
      { ...settings(resolver), policy: { allowedNetworks: undefined, protectedEndpoints: [] } },
      url,
      kubeconfigFor({ server: url.href, token: 't' }),
    );
    expect(answer.checks[0]).toMatchObject({ id: 'reachable', status: 'failed' });
    expect(answer.checks[0]?.message).toContain('cluster.example.test resolves to it');
    expect(answer.checks.slice(1).every((check) => check.status === 'skipped')).toBe(true);
  });
});
