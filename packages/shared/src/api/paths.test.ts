import { describe, expect, it } from 'vitest';
import { CLUSTERS_API_PATH, clusterApiPath } from './paths';

describe('clusterApiPath', () => {
  it.each([
    ['cluster-host', '/api/v1/clusters/cluster-host'],
    ['a/b', '/api/v1/clusters/a%2Fb'],
    ['../x', '/api/v1/clusters/..%2Fx'],
    ['a b?c', '/api/v1/clusters/a%20b%3Fc'],
  ])('when the name is %j, then the path is %s', (name, path) => {
    expect(clusterApiPath(name)).toBe(path);
    expect(clusterApiPath(name).startsWith(`${CLUSTERS_API_PATH}/`)).toBe(true);
  });
});
