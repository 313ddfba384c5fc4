import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeletedCluster } from '@cluster-console/shared';
import { apiError, hostCluster, server, serveConsole } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';

function deleted(name: string, n: number, by: string): DeletedCluster {
  const id = `${n}`.repeat(40).slice(0, 40);
  const at = new Date(Date.now() - n * 86_400_000).toISOString();
  return {
    name,
    deleted_at: at,
    deleted_by: by,
    commit: {
      id,
      short_id: id.slice(0, 8),
      title: `Delete cluster ${name}`,
      author_name: by,
      authored_date: at,
      web_url: `http://gitlab.test/nautes/tenant-config/-/commit/${id}`,
    },
  };
}

describe('recently deleted clusters', () => {
  // The pages' first, cold load can outlast a wait on a busy machine: load them once up front.
  beforeAll(async () => {
    await Promise.all([
      import('./clusters'),
      import('./deleted-clusters'),
      import('./deleted-cluster-history'),
      import('./cluster-detail'),
    ]);
  }, 30_000);

  beforeEach(() => {
    serveConsole([hostCluster]);
    server.use(
      http.get('/api/console/nautes-api', () =>
        HttpResponse.json({ version: 'v0.4', source: 'server', message: '' }),
      ),
    );
  });

  it('when opened from the cluster list, then the deleted clusters show name, when and who, each linking to its history', async () => {
    server.use(
      http.get('/api/console/clusters-deleted', () =>
        HttpResponse.json({ items: [deleted('old-worker', 1, 'Local Operator')] }),
      ),
      http.get('/api/console/clusters/old-worker/history', () =>
        HttpResponse.json({
          entries: [
            {
              commit: deleted('old-worker', 1, 'Local Operator').commit,
              change: 'deleted',
              fields: [{ field: 'spec.usage', before: 'worker', after: null }],
            },
          ],
        }),
      ),
    );
    const { user, router } = renderApp('/clusters');
    await user.click(await screen.findByRole('link', { name: 'Recently deleted' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Recently deleted clusters' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Deleted clusters' });
    const row = within(table).getByRole('row', { name: /old-worker/ });
    expect(row).toHaveTextContent('Local Operator');
    expect(row).toHaveTextContent('yesterday');

    await user.click(within(row).getByRole('link', { name: 'old-worker' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/deleted-clusters/old-worker'),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'old-worker' }),
    ).toBeInTheDocument();
    const history = await screen.findByRole('region', { name: 'History' });
    expect(await within(history).findByText('Deleted')).toBeInTheDocument();
    expect(within(history).getByText('Delete cluster old-worker')).toBeInTheDocument();
  });

  it('when a deleted name was registered again, then its row and its page say so and link to the cluster as it is now', async () => {
    server.use(
      http.get('/api/console/clusters-deleted', () =>
        HttpResponse.json({
          items: [
            deleted('cluster-host', 2, 'Local Operator'),
            deleted('old-worker', 3, 'Local Operator'),
          ],
        }),
      ),
      http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)),
    );
    const { user, router } = renderApp('/deleted-clusters');
    const table = await screen.findByRole('table', { name: 'Deleted clusters' });
    const again = await within(table).findByRole('link', {
      name: 'Registered again: open cluster-host',
    });
    expect(again).toHaveAttribute('href', '/clusters/cluster-host');
    const gone = within(table).getByRole('row', { name: /old-worker/ });
    expect(within(gone).queryByText('Registered again')).not.toBeInTheDocument();

    await user.click(within(table).getByRole('link', { name: 'cluster-host' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/deleted-clusters/cluster-host'),
    );
    expect(await screen.findByText(/has been registered again since/)).toBeInTheDocument();
    expect(screen.queryByText(/^This cluster was deleted\. Its history/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Open the cluster as it is now' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clusters/cluster-host'));
    // The detail page, not the deleted one: it offers to edit the cluster.
    expect(await screen.findByRole('link', { name: 'Edit' })).toBeInTheDocument();
  });

  it('when a page holds no deletion but older ones exist, then it says so and "Show older" finds them', async () => {
    server.use(
      http.get('/api/console/clusters-deleted', ({ request }) =>
        new URL(request.url).searchParams.get('page') === '1'
          ? HttpResponse.json({ items: [], next_page: 2 })
          : HttpResponse.json({ items: [deleted('ancient', 9, 'Local Maintainer')] }),
      ),
    );
    const { user } = renderApp('/deleted-clusters');
    expect(
      await screen.findByText(/No cluster was deleted in the most recent changes/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show older' }));
    expect(await screen.findByRole('link', { name: 'ancient' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('when nothing was ever deleted, then the page says so', async () => {
    renderApp('/deleted-clusters');
    expect(await screen.findByText('No cluster has been deleted.')).toBeInTheDocument();
  });

  it('when the list cannot be read, then the server message is shown with Try again', async () => {
    let fail = true;
    server.use(
      http.get('/api/console/clusters-deleted', () =>
        fail
          ? apiError(
              404,
              'RESOURCE_NOT_FOUND',
              'Project nautes/tenant-config: 404 Project Not Found',
            )
          : HttpResponse.json({ items: [deleted('back', 2, 'Local Maintainer')] }),
      ),
    );
    const { user } = renderApp('/deleted-clusters');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The deleted clusters could not be loaded');
    expect(alert).toHaveTextContent('404 Project Not Found');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'back' })).toBeInTheDocument();
  });

  it('when a cluster is gone, then its detail page offers its history', async () => {
    server.use(
      http.get('/api/v1/clusters/gone', () =>
        apiError(404, 'RESOURCE_NOT_FOUND', 'cluster gone not found'),
      ),
    );
    renderApp('/clusters/gone');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'See its history' })).toHaveAttribute(
      'href',
      '/deleted-clusters/gone',
    );
  });
});
