import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import {
  apiError,
  hostCluster,
  server,
  serveConsole,
  virtualCluster,
} from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';

// Every page asks the BFF which Nautes API generation the server speaks.
beforeEach(() => {
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'server', message: '' }),
    ),
  );
});

describe('session and sign-in', () => {
  it('when there is no session, then the user is sent to the sign-in page with the page to come back to', async () => {
    server.use(http.get('/auth/session', () => apiError(401, 'UNAUTHENTICATED', 'Sign in first.')));
    const { navigation } = renderApp('/clusters?type=virtual');
    await waitFor(() => expect(navigation.toSignInPage).toHaveBeenCalled(), { timeout: 10_000 });
    expect(navigation.toSignInPage).toHaveBeenCalledWith(
      `/sign-in?returnTo=${encodeURIComponent('/')}`,
    );
  });

  it('when an API call answers 401 later, then the user goes through GitLab back to the same page', async () => {
    server.use(
      http.get('/auth/session', () =>
        HttpResponse.json({ user: { username: 'maintainer', name: 'M' } }),
      ),
      http.get('/api/v1/clusters', () =>
        apiError(401, 'UNAUTHENTICATED', 'The session has expired.'),
      ),
    );
    window.history.replaceState(null, '', '/clusters?q=host');
    const { navigation } = renderApp('/clusters?q=host');
    await waitFor(() => expect(navigation.toLogin).toHaveBeenCalled());
    expect(navigation.toLogin).toHaveBeenCalledWith(
      `/auth/login?returnTo=${encodeURIComponent('/clusters?q=host')}`,
    );
    window.history.replaceState(null, '', '/');
  });

  it('when GitLab sent back an OAuth error, then the sign-in page explains it and offers to try again', async () => {
    renderApp('/sign-in?error=access_denied&returnTo=%2Fclusters%2Fnew');
    expect(await screen.findByText(/GitLab did not grant access/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      `/auth/login?returnTo=${encodeURIComponent('/clusters/new')}`,
    );
  });

  it('when returnTo points to another site, then sign-in comes back to the cluster list instead', async () => {
    renderApp('/sign-in?returnTo=%2F%2Fevil.example.com');
    expect(await screen.findByRole('link', { name: 'Sign in with GitLab' })).toHaveAttribute(
      'href',
      `/auth/login?returnTo=${encodeURIComponent('/clusters')}`,
    );
  });
});

describe('cluster list', () => {
  it('when the server speaks v0.4 and the generation is unknown, then its clusters are listed and a notice says why', async () => {
    server.use(
      http.get('/auth/session', () =>
        HttpResponse.json({ user: { username: 'maintainer', name: 'M' } }),
      ),
      http.get('/api/console/nautes-api', () =>
        HttpResponse.json({
          version: 'unknown',
          source: 'none',
          message: 'The clusters API at http://nautes:8000 did not say its version.',
        }),
      ),
      http.get('/api/v1/clusters', () =>
        HttpResponse.json({
          items: [
            {
              name: 'v04-worker',
              cluster_kind: 'kubernetes',
              cluster_type: 'physical',
              usage: 'worker',
              host_cluster: '',
              primary_domain: '',
              worker_type: 'deployment',
              api_server: 'https://10.0.0.1:6443',
              components_list: { gateway: null, event_listener: null },
              reserved_namespaces_allowed_products: {},
              product_allowed_cluster_resources: null,
            },
          ],
        }),
      ),
    );
    renderApp('/clusters');
    const table = await screen.findByRole('table', { name: /Clusters/ });
    expect(await within(table).findByRole('link', { name: 'v04-worker' })).toBeInTheDocument();
    expect(
      screen.getByText('The Nautes API version of the server is not known'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The clusters API at http://nautes:8000 did not say its version.'),
    ).toBeInTheDocument();
  });

  it('when clusters exist, then the columns show and a host shows how many virtual clusters it carries', async () => {
    serveConsole([hostCluster, virtualCluster]);
    renderApp('/clusters');
    const table = await screen.findByRole('table', { name: /Clusters/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent?.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual([
      'Name',
      'Status',
      'Type',
      'Usage',
      'Worker type',
      'Host cluster',
      'API server',
      'Primary domain',
      'Actions',
    ]);
    const hostLinks = await within(table).findAllByRole('link', { name: 'cluster-host' });
    const hostRow = hostLinks[0]?.closest('tr');
    expect(hostRow).toHaveTextContent('1 virtual cluster');
    expect(screen.getByRole('button', { name: 'Delete cluster-host' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Delete cluster-host' })).toHaveAccessibleDescription(
      /carries virtual clusters vcluster-virtual/,
    );
    expect(screen.getByText('Mia Maintainer')).toBeInTheDocument();
  });

  it('when searching and filtering, then the view is kept in the URL and sorting sets aria-sort', async () => {
    serveConsole([hostCluster, virtualCluster]);
    const { user, router } = renderApp('/clusters');
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Type'), 'virtual');
    await waitFor(() => expect(router.state.location.search).toBe('?type=virtual'));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Delete cluster-host' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Delete vcluster-virtual' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Type'), '');
    await user.type(screen.getByLabelText('Search by name'), 'host');
    await waitFor(() => expect(router.state.location.search).toBe('?q=host'));
    expect(await screen.findByText('1 of 2 clusters matches')).toBeInTheDocument();

    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(nameHeader).getByRole('button'));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(router.state.location.search).toBe('?q=host&dir=desc');
  });

  it('when the user goes back, then the list shows the view of that URL again', async () => {
    serveConsole([hostCluster, virtualCluster]);
    server.use(
      http.get('/api/v1/clusters/vcluster-virtual', () => HttpResponse.json(virtualCluster)),
    );
    const { user, router } = renderApp('/clusters?usage=worker');
    await screen.findByRole('button', { name: 'Delete vcluster-virtual' });
    expect(screen.queryByRole('button', { name: 'Delete cluster-host' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'vcluster-virtual' }));
    // The detail page's chunk may be imported for the first time here: slow on a loaded machine.
    await screen.findByRole('heading', { level: 1, name: 'vcluster-virtual' }, { timeout: 15_000 });
    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe('?usage=worker'));
    expect(await screen.findByLabelText('Usage')).toHaveValue('worker');
    expect(screen.queryByRole('button', { name: 'Delete cluster-host' })).not.toBeInTheDocument();
  });

  it('when there are 5,000 clusters, then only a window of rows is rendered', async () => {
    const many: Cluster[] = Array.from({ length: 5000 }, (_, index) => ({
      ...virtualCluster,
      name: `cluster-${String(index).padStart(4, '0')}`,
    }));
    serveConsole(many);
    renderApp('/clusters');
    const table = await screen.findByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    await within(table).findByRole('link', { name: 'cluster-0000' });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
  });

  it('when there are no clusters, then the empty state invites registering the first one', async () => {
    serveConsole([]);
    renderApp('/clusters');
    expect(await screen.findByRole('heading', { name: 'No clusters yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Register your first cluster' })).toHaveAttribute(
      'href',
      '/clusters/new',
    );
  });

  it('when the list cannot be loaded, then the server message is shown', async () => {
    server.use(
      http.get('/auth/session', () =>
        HttpResponse.json({ user: { username: 'developer', name: 'D' } }),
      ),
      http.get('/api/v1/clusters', () =>
        apiError(503, 'UPSTREAM_UNAVAILABLE', 'GitLab at http://127.0.0.1:8929 did not answer.'),
      ),
    );
    renderApp('/clusters');
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('The clusters could not be loaded');
    expect(alert).toHaveTextContent('GitLab at http://127.0.0.1:8929 did not answer.');
  });

  it('when a cluster is deleted from the list, then its row goes away and a notice confirms it', async () => {
    let clusters: Cluster[] = [
      hostCluster,
      { ...virtualCluster, name: 'lonely', host_cluster: 'elsewhere' },
    ];
    server.use(
      http.get('/auth/session', () =>
        HttpResponse.json({ user: { username: 'maintainer', name: 'M' } }),
      ),
      http.get('/api/v1/clusters', () => HttpResponse.json({ items: clusters })),
      http.delete('/api/v1/clusters/:name', ({ params }) => {
        clusters = clusters.filter((cluster) => cluster.name !== params.name);
        return HttpResponse.json({
          message: `Successfully deleted ${String(params.name)} cluster`,
        });
      }),
    );
    const { user } = renderApp('/clusters');
    await user.click(await screen.findByRole('button', { name: 'Delete lonely' }));
    await user.type(await screen.findByLabelText('Type lonely to confirm'), 'lonely');
    await user.click(screen.getByRole('button', { name: 'Delete cluster' }));
    expect(await screen.findByText('Cluster lonely deleted.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'lonely' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
