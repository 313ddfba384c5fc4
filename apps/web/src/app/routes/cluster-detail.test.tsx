import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiError,
  hostCluster,
  server,
  serveConsole,
  virtualCluster,
} from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';

function serveNautesApi(version: string, message = '') {
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version, source: version === 'unknown' ? 'none' : 'server', message }),
    ),
  );
}

/** A physical pipeline worker as a Nautes v0.4 server answers it. */
const v04Worker = {
  name: 'physical-worker-pipeline',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  host_cluster: '',
  primary_domain: '8.217.50.114.nip.io',
  worker_type: 'pipeline',
  api_server: 'https://8.217.50.114:6443',
  components_list: {
    multi_tenant: { name: 'hnc', namespace: 'hnc-system', additions: null },
    secret_sync: { name: 'external-secrets', namespace: 'external-secrets', additions: null },
    gateway: {
      name: 'traefik',
      namespace: 'traefik',
      additions: { httpNodePort: '30080', httpsNodePort: '30443' },
    },
    deployment: {
      name: 'argocd',
      namespace: 'argocd',
      additions: { host: 'argocd.physical-worker-pipeline.8.217.50.114.nip.io' },
    },
    progressive_delivery: null,
    pipeline: {
      name: 'tekton',
      namespace: 'tekton-pipelines',
      additions: { host: 'tekton.physical-worker-pipeline.8.217.50.114.nip.io' },
    },
    event_listener: null,
    secret_management: { name: 'vault', namespace: 'vault', additions: null },
    oauth_proxy: { name: 'oauth2-proxy', namespace: 'oauth2-proxy', additions: null },
  },
  reserved_namespaces_allowed_products: { argocd: ['product-a', 'product-b'] },
  product_allowed_cluster_resources: {
    'product-a': [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
  },
};

// A file of its own: the page must load its own texts (no other test may have loaded them).
describe('cluster detail', () => {
  beforeEach(() => serveNautesApi('v0.3'));

  it('when opened, then every non-secret field is shown with a copy button', async () => {
    serveConsole([hostCluster, virtualCluster]);
    server.use(http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)));
    renderApp('/clusters/cluster-host');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'cluster-host' }),
    ).toBeInTheDocument();
    expect(screen.getByText('https://8.217.50.114:6443')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy API server' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy Traefik HTTPS node port' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/This host carries 1 virtual cluster/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete cluster' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('when a v0.3 cluster has no components or maps, then each place says "Not reported by the server"', async () => {
    serveConsole([hostCluster]);
    server.use(http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)));
    renderApp('/clusters/cluster-host');
    const components = await screen.findByRole('region', { name: 'Components' });
    expect(components).toHaveTextContent(
      'Not reported by the server. A Nautes v0.3 server does not report components.',
    );
    expect(within(components).queryByRole('table')).not.toBeInTheDocument();
    const access = screen.getByRole('region', {
      name: 'Reserved namespaces and cluster resources',
    });
    expect(within(access).getAllByText('Not reported by the server.')).toHaveLength(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the cluster comes from a v0.4 server, then its components, hosts, ports and maps are shown', async () => {
    serveNautesApi('v0.4');
    serveConsole([]);
    server.use(
      http.get('/api/v1/clusters/physical-worker-pipeline', () => HttpResponse.json(v04Worker)),
    );
    renderApp('/clusters/physical-worker-pipeline');
    const table = await screen.findByRole('table', {
      name: 'Components installed on this cluster',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Category', 'Name', 'Namespace', 'Settings']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Multi-tenancy',
      'Secret sync',
      'Gateway',
      'Deployment',
      'Pipeline',
      'Secret management',
      'OAuth proxy',
    ]);
    const gateway = within(table).getByRole('row', { name: /Gateway/ });
    expect(gateway).toHaveTextContent('traefik');
    expect(gateway).toHaveTextContent('HTTP node port: 30080');
    expect(gateway).toHaveTextContent('HTTPS node port: 30443');
    expect(within(table).getByRole('row', { name: /Pipeline/ })).toHaveTextContent(
      'Host: tekton.physical-worker-pipeline.8.217.50.114.nip.io',
    );

    // The v0.3 places, filled from the components.
    expect(screen.getByRole('button', { name: 'Copy ArgoCD host' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Tekton host' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Traefik HTTP node port' })).toBeInTheDocument();

    const reserved = screen.getByRole('table', {
      name: 'Reserved namespaces and the products allowed to use them',
    });
    expect(within(reserved).getByRole('row', { name: /argocd/ })).toHaveTextContent(
      'product-a, product-b',
    );
    const resources = screen.getByRole('table', {
      name: 'Cluster-scoped resources each product may use',
    });
    expect(within(resources).getByRole('row', { name: /product-a/ })).toHaveTextContent(
      'ClusterRole (rbac.authorization.k8s.io)',
    );
  });

  it("when the server version is unknown, then a notice says so in the BFF's words and the page still works", async () => {
    serveNautesApi('unknown', 'The clusters API did not say which Nautes version it runs.');
    serveConsole([hostCluster]);
    server.use(http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)));
    renderApp('/clusters/cluster-host');
    expect(
      await screen.findByText('The Nautes API version of the server is not known'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The clusters API did not say which Nautes version it runs.'),
    ).toBeInTheDocument();
    // The cluster comes in its own request, apart from the notice's.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'cluster-host' }),
    ).toBeInTheDocument();
  });

  it('when the cluster does not exist, then the page says so with the server message', async () => {
    serveConsole([]);
    server.use(
      http.get('/api/v1/clusters/ghost', () =>
        apiError(404, 'RESOURCE_NOT_FOUND', 'cluster ghost not found', { cluster: 'ghost' }),
      ),
    );
    renderApp('/clusters/ghost');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('There is no cluster named ghost');
    expect(alert).toHaveTextContent('cluster ghost not found');
  });
});
