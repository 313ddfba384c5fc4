import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { allowListVerdict, allowListVerdictOf, isAllowedClustersRequest } from './allow-list';

describe('isAllowedClustersRequest', () => {
  it.each([
    ['GET', '/api/v1/clusters'],
    ['GET', '/api/v1/clusters?field_selector=usage%3Dhost,cluster_type%3Dphysical'],
    ['GET', '/api/v1/clusters/cluster-host'],
    ['POST', '/api/v1/clusters/cluster-host?insecure_skip_check=true'],
    ['DELETE', '/api/v1/clusters/cluster-host'],
    ['GET', '/api/v1/clusters/Upper_Case.name'],
    ['GET', `/api/v1/clusters/${'a'.repeat(253)}`],
  ])('when %s %s, then it is forwarded', (method, url) => {
    expect(isAllowedClustersRequest(method, url)).toBe(true);
  });

  it.each([
    ['POST', '/api/v1/clusters'],
    ['PUT', '/api/v1/clusters/a'],
    ['PATCH', '/api/v1/clusters/a'],
    ['HEAD', '/api/v1/clusters'],
    ['OPTIONS', '/api/v1/clusters/a'],
    ['GET', '/api/v1/clusters/'],
    ['GET', '/api/v1/clusters/a/b'],
    ['GET', '/api/v1/clusters//a'],
    ['GET', '/api/v1/clusters/a%2Fb'],
    ['GET', '/api/v1/clusters/%2e%2e'],
    ['GET', '/api/v1/clusters/..'],
    ['GET', '/api/v1/clusters/.'],
    ['GET', '/api/v1/clusters/.env'],
    ['GET', '/api/v1/clusters/a\\b'],
    ['GET', '/api/v1/clusters/a b'],
    ['GET', `/api/v1/clusters/${'a'.repeat(254)}`],
    ['GET', '/api/v1/clustersx'],
    ['GET', '/api/v2/clusters'],
    ['GET', '/API/v1/clusters'],
  ])('when %s %s, then it is refused', (method, url) => {
    expect(isAllowedClustersRequest(method, url)).toBe(false);
  });
});

describe('allowListVerdict', () => {
  it.each([
    ['GET', '/api/v1/clusters/a%2Fb'],
    ['POST', '/api/v1/clusters/%2e%2e'],
    ['DELETE', '/api/v1/clusters/..'],
    ['GET', '/api/v1/clusters/cl%C3%BCster?x=1'],
  ])(
    'when %s %s names a cluster the list refuses, then it is a bad cluster name',
    (method, url) => {
      expect(allowListVerdict(method, url)).toBe('bad-cluster-name');
    },
  );

  it.each([
    ['PUT', '/api/v1/clusters/a%2Fb'],
    ['GET', '/api/v1/clusters/'],
    ['GET', '/api/v1/clusters/a/b'],
    ['POST', '/api/v1/clusters'],
    ['GET', '/api/console/anything'],
  ])('when %s %s is no cluster item call, then it is not listed', (method, url) => {
    expect(allowListVerdict(method, url)).toBe('not-listed');
  });

  it('when a request is asked about twice, then it is judged once (the fast lane and the chain share the verdict)', () => {
    const req = { method: 'GET', url: '/api/v1/clusters' } as IncomingMessage;
    expect(allowListVerdictOf(req)).toBe('forward');
    req.url = '/api/v1/clusters/a%2Fb';
    expect(allowListVerdictOf(req)).toBe('forward');
    const other = { method: 'GET', url: '/api/v1/clusters/a%2Fb' } as IncomingMessage;
    expect(allowListVerdictOf(other)).toBe('bad-cluster-name');
  });
});
