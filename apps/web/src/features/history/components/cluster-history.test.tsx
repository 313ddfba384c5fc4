import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@cluster-console/shared';
import { apiError, hostCluster, server, serveConsole } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

function commit(n: number, author: string, title: string): HistoryEntry['commit'] {
  const id = `${n}`.repeat(40).slice(0, 40);
  return {
    id,
    short_id: id.slice(0, 8),
    title,
    author_name: author,
    authored_date: new Date(Date.now() - n * 3_600_000).toISOString(),
    web_url: `http://gitlab.test/nautes/tenant-config/-/commit/${id}`,
  };
}

const updated: HistoryEntry = {
  commit: commit(1, 'Local Operator', 'Update cluster cluster-host'),
  change: 'updated',
  fields: [
    {
      field: 'spec.componentsList.deployment.additions.host',
      before: 'argocd.old.test',
      after: 'argocd.new.test',
    },
    { field: 'spec.somethingNew', before: null, after: 'x' },
  ],
};
const created: HistoryEntry = {
  commit: commit(2, 'Local Maintainer', 'Register cluster cluster-host'),
  change: 'created',
  fields: [{ field: 'spec.apiServer', before: null, after: 'https://8.217.50.114:6443' }],
};

function serveHost() {
  serveConsole([hostCluster]);
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.4', source: 'server', message: '' }),
    ),
    http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)),
  );
}

async function historySection() {
  return screen.findByRole('region', { name: 'History' });
}

describe('cluster history', () => {
  // The page's first, cold load can outlast a wait on a busy machine: load it once up front.
  beforeAll(async () => {
    await import('../../../app/routes/cluster-detail');
  }, 30_000);
  beforeEach(serveHost);

  it('when the cluster has commits, then each shows who, when, the title, the change, the fields and the commit link', async () => {
    server.use(
      http.get('/api/console/clusters/cluster-host/history', () =>
        HttpResponse.json({ entries: [updated, created] }),
      ),
    );
    renderApp('/clusters/cluster-host');
    const section = await historySection();
    const items = await within(section).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [first, second] = items as [HTMLElement, HTMLElement];

    expect(first).toHaveTextContent('Updated');
    expect(first).toHaveTextContent('Update cluster cluster-host');
    expect(first).toHaveTextContent('Local Operator');
    expect(first).toHaveTextContent('1 hour ago');
    const row = within(first).getByRole('row', { name: /ArgoCD host/ });
    expect(row).toHaveTextContent('argocd.old.test');
    expect(row).toHaveTextContent('argocd.new.test');
    // A path no rule knows is shown as it is; a side where the field was absent says so.
    expect(within(first).getByRole('row', { name: /spec\.somethingNew/ })).toHaveTextContent(
      '(none)',
    );
    expect(within(first).getByRole('link', { name: 'Commit 11111111 in GitLab' })).toHaveAttribute(
      'href',
      updated.commit.web_url,
    );

    expect(second).toHaveTextContent('Created');
    expect(second).toHaveTextContent('Local Maintainer');
    expect(second).toHaveTextContent('1 field');
    expect(within(section).queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('when there are older pages, then "Show older" appends them until the last', async () => {
    const pages: number[] = [];
    server.use(
      http.get('/api/console/clusters/cluster-host/history', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        pages.push(page);
        return HttpResponse.json(
          page === 1 ? { entries: [updated], next_page: 2 } : { entries: [created] },
        );
      }),
    );
    const { user } = renderApp('/clusters/cluster-host');
    const section = await historySection();
    expect(await within(section).findAllByRole('listitem')).toHaveLength(1);
    await user.click(within(section).getByRole('button', { name: 'Show older' }));
    expect(await within(section).findByText('Register cluster cluster-host')).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(within(section).queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
    expect(pages).toEqual([1, 2]);
  });

  it('when the cluster has no commits, then the section says "No history yet"', async () => {
    renderApp('/clusters/cluster-host');
    const section = await historySection();
    expect(await within(section).findByText('No history yet.')).toBeInTheDocument();
  });

  it('when the history cannot be read, then the server message is shown with Try again', async () => {
    let fail = true;
    server.use(
      http.get('/api/console/clusters/cluster-host/history', () =>
        fail
          ? apiError(403, 'NO_AUTHORIZATION', 'You may not read nautes/tenant-config.')
          : HttpResponse.json({ entries: [created] }),
      ),
    );
    const { user } = renderApp('/clusters/cluster-host');
    const section = await historySection();
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('The history could not be loaded');
    expect(alert).toHaveTextContent('You may not read nautes/tenant-config.');
    // The rest of the page still works.
    expect(screen.getByRole('heading', { level: 1, name: 'cluster-host' })).toBeInTheDocument();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByText('Register cluster cluster-host')).toBeInTheDocument();
  });

  it('when the reply is not the documented shape, then it is an error in words', async () => {
    server.use(
      http.get('/api/console/clusters/cluster-host/history', () =>
        HttpResponse.json({ entries: [{ nope: true }] }),
      ),
    );
    renderApp('/clusters/cluster-host');
    const section = await historySection();
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'answered the history request with something it does not understand',
    );
  });
});
