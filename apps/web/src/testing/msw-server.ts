import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Cluster } from '@cluster-console/shared';

/** An HTTP server stand-in at the network level: the SPA's real fetch code runs unchanged. */
export const server = setupServer();

export const maintainer = {
  user: {
    username: 'maintainer',
    name: 'Mia Maintainer',
    email: 'maintainer@example.com',
    avatar_url: null,
  },
};

export const hostCluster: Cluster = {
  name: 'cluster-host',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'host',
  api_server: 'https://8.217.50.114:6443',
  primary_domain: '8.217.50.114.nip.io',
  traefik: { http_node_port: '30080', https_node_port: '30443' },
};

export const virtualCluster: Cluster = {
  name: 'vcluster-virtual',
  cluster_kind: 'kubernetes',
  cluster_type: 'virtual',
  usage: 'worker',
  worker_type: 'pipeline',
  host_cluster: 'cluster-host',
  api_server: 'https://8.217.50.114:31456',
  primary_domain: '8.217.50.114.nip.io',
};

/** A signed-in session and a list of clusters; tests add their own handlers on top. */
export function serveConsole(clusters: Cluster[]) {
  server.use(
    http.get('/auth/session', () => HttpResponse.json(maintainer)),
    http.get('/api/v1/clusters', () => HttpResponse.json({ items: clusters })),
    // No commits yet: the detail page's history section; tests of the history add their own.
    http.get('/api/console/clusters/:name/history', () => HttpResponse.json({ entries: [] })),
    http.get('/api/console/clusters-deleted', () => HttpResponse.json({ items: [] })),
  );
}

export function apiError(
  code: number,
  reason: string,
  message: string,
  metadata: Record<string, string> = {},
) {
  return HttpResponse.json({ code, reason, message, metadata }, { status: code });
}
