import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  apiError,
  hostCluster,
  server,
  serveConsole,
  virtualCluster,
} from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';

// A file of its own: the page must load its own texts (no other test may have loaded them).
describe('cluster detail', () => {
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
