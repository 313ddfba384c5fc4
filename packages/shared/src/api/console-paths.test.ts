import { describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES } from '../console/console-routes';
import { CLUSTERS_API_PATH } from './paths';
import {
  CONSOLE_CLUSTER_STATUS_RESOURCE_PATH,
  CONSOLE_HISTORY_PATH,
  CONSOLE_HISTORY_ROUTE,
} from './console-paths';

describe('the console’s own routes', () => {
  it('when a history path is made for an odd name, then the name stays in its segment', () => {
    expect(CONSOLE_HISTORY_PATH('cluster-host')).toBe('/api/console/clusters/cluster-host/history');
    expect(CONSOLE_HISTORY_PATH('../a/b')).toBe('/api/console/clusters/..%2Fa%2Fb/history');
    expect(CONSOLE_HISTORY_ROUTE).toBe('/api/console/clusters/:name/history');
    expect(CONSOLE_CLUSTER_STATUS_RESOURCE_PATH('../a')).toBe(
      '/api/console/cluster-status/clusters/..%2Fa',
    );
  });

  it('lives under /api/console or /auth, never among the clusters API’s proxied paths, each route once', () => {
    for (const route of CONSOLE_ROUTES) {
      expect(route.path).toMatch(/^\/(api\/console|auth)\//);
      expect(route.path.startsWith(CLUSTERS_API_PATH)).toBe(false);
    }
    const keys = CONSOLE_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(11);
  });
});
