import { describe, expect, it } from 'vitest';
import { isAllowedClustersRequest } from './clusters-routes';

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
