import { describe, expect, it } from 'vitest';
import { methodLabel, routePattern } from './route-pattern';

describe('routePattern', () => {
  it.each([
    ['/api/v1/clusters', '/api/v1/clusters'],
    ['/api/v1/clusters/physical-worker', '/api/v1/clusters/:name'],
    ['/api/console/clusters/a/history', '/api/console/clusters/:name/history'],
    ['/api/console/cluster-status/stream', '/api/console/cluster-status/stream'],
    ['/api/console/cluster-status/clusters/a', '/api/console/cluster-status/clusters/:name'],
    ['/api/console/anything-else', '/api/other'],
    ['/api/v1/clusters/a/b', '/api/other'],
    ['/auth/whatever', '/auth/other'],
    ['/clusters/physical-worker', 'spa'],
    ['/metrics', '/metrics'],
  ])(
    'when the path is %s, then the label is %s (never a name or an unknown URL)',
    (path, label) => {
      expect(routePattern(path)).toBe(label);
    },
  );

  it('when the method is unusual, then it is "other"', () => {
    expect(methodLabel('GET')).toBe('GET');
    expect(methodLabel('PROPFIND')).toBe('other');
  });
});
