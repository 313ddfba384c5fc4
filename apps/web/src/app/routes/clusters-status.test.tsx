import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { CONSOLE_CLUSTER_STATUS_STREAM_EVENTS } from '@cluster-console/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeEventSource, installFakeEventSource } from '../../testing/fake-event-source';
import {
  apiError,
  hostCluster,
  server,
  serveConsole,
  virtualCluster,
} from '../../testing/msw-server';
import {
  openEarlyStatusStream,
  takeEarlyStatusStream,
} from '../../features/cluster-status/lib/early-status-stream';
import { renderApp } from '../../testing/render-app';
import { failedResource, readyResource, snapshot, change } from '../../testing/status-fixtures';

installFakeEventSource();

// A stream the page's first script opened and a test left untaken must not reach the next one.
afterEach(() => takeEarlyStatusStream()?.close());

beforeEach(() => {
  serveConsole([hostCluster, virtualCluster]);
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'server', message: '' }),
    ),
  );
});

/** The list, once its first rows are drawn and its stream is open. */
async function openList(path = '/clusters') {
  const app = renderApp(path);
  // The first page of a file loads its route and texts: slow on a loaded machine.
  await screen.findAllByRole('link', { name: hostCluster.name }, { timeout: 20_000 });
  await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
  return app;
}

/** Holds the list's answer back until the returned function is called. */
function holdListAnswer(): () => void {
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  server.use(
    http.get('/api/v1/clusters', async () => {
      await answered;
      return HttpResponse.json({ items: [hostCluster, virtualCluster] });
    }),
  );
  return answer;
}

/** The row's own link (a virtual cluster's row also links to its host). */
function nameLink(name: string): HTMLElement {
  const link = screen
    .queryAllByRole('link', { name })
    .find((element) => element.classList.contains('cluster-link'));
  if (!link) throw new Error(`no link for ${name}`);
  return link;
}

function row(name: string): HTMLElement {
  const element = nameLink(name).closest('tr');
  if (!element) throw new Error(`no row for ${name}`);
  return element;
}

// The first test of a file loads the page's code and texts: slow on a loaded machine.
describe('the list with live status', { timeout: 60_000 }, () => {
  it('when the list is still loading, then the stream waits for its answer and opens as the rows are drawn', async () => {
    const answer = holdListAnswer();
    renderApp('/clusters');
    expect(
      await screen.findByText('Loading clusters…', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    // Opened beside the list's request, the snapshot delayed the list on a busy machine.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(FakeEventSource.opened).toHaveLength(0);
    answer();
    await screen.findAllByRole('link', { name: hostCluster.name });
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
  });

  it('when the page’s first script opened the stream, then the list takes it over and the snapshot that came meanwhile shows with the rows', async () => {
    const answer = holdListAnswer();
    openEarlyStatusStream(
      Promise.resolve(new Response(null, { status: 200 })),
      '/api/console/cluster-status/stream',
      CONSOLE_CLUSTER_STATUS_STREAM_EVENTS,
    );
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    FakeEventSource.latest().emit('snapshot', snapshot([readyResource(hostCluster.name)]));
    renderApp('/clusters');
    await screen.findByText('Loading clusters…', {}, { timeout: 20_000 });
    answer();
    await screen.findAllByRole('link', { name: hostCluster.name });
    // In the rows' first render: no "—" first, then the badge.
    expect(within(row(hostCluster.name)).getByText('Ready')).toBeInTheDocument();
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('when the stream sends a snapshot, then each row shows its status badge and reason, and the indicator says Live', async () => {
    await openList();
    act(() =>
      FakeEventSource.latest().emit('snapshot', snapshot([readyResource(hostCluster.name)])),
    );
    expect(await within(row(hostCluster.name)).findByText('Ready')).toBeInTheDocument();
    expect(
      within(row(hostCluster.name)).getByText(/Registered in Argo CD and the secret store/),
    ).toBeInTheDocument();
    // No resource yet for the virtual cluster: its file waits for Argo CD.
    expect(within(row(virtualCluster.name)).getByText('Waiting for sync')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Status' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Live status: Live' })).toBeInTheDocument();
  });

  it('when a status changes, then its row changes in place: the same element, focus kept', async () => {
    const { user } = await openList();
    act(() =>
      FakeEventSource.latest().emit('snapshot', snapshot([readyResource(hostCluster.name)])),
    );
    await within(row(hostCluster.name)).findByText('Ready');
    const before = row(hostCluster.name);
    const link = nameLink(hostCluster.name);
    await user.click(screen.getByRole('searchbox'));
    link.focus();
    act(() =>
      FakeEventSource.latest().emit(
        'cluster',
        change(
          hostCluster.name,
          failedResource(hostCluster.name, 'sync cluster info to secret store failed: 403'),
        ),
      ),
    );
    expect(await within(before).findByText('Error')).toBeInTheDocument();
    expect(
      within(before).getByText(
        'SecretStoreReady (cluster-operator) failed: sync cluster info to secret store failed: 403',
      ),
    ).toBeInTheDocument();
    expect(row(hostCluster.name)).toBe(before);
    expect(link).toHaveFocus();
  });

  it('when a status filter is chosen, then it goes into the URL and only clusters in that state stay', async () => {
    const { user, router } = await openList();
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot([
          readyResource(virtualCluster.name),
          failedResource(hostCluster.name, 'vault sealed'),
        ]),
      ),
    );
    await within(row(hostCluster.name)).findByText('Error');
    await user.selectOptions(screen.getByLabelText('Status'), 'error');
    expect(router.state.location.search).toBe('?status=error');
    expect(screen.queryByRole('link', { name: virtualCluster.name })).toBeNull();
    expect(nameLink(hostCluster.name)).toBeInTheDocument();
    // The failure is fixed: the filter stays, the row leaves it.
    act(() =>
      FakeEventSource.latest().emit(
        'cluster',
        change(hostCluster.name, readyResource(hostCluster.name)),
      ),
    );
    expect(
      await screen.findByText('No cluster matches the search and filters.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('error');
  });

  it('when the URL holds a status filter, then the list opens filtered by it', async () => {
    await openList('/clusters?status=ready');
    act(() =>
      FakeEventSource.latest().emit('snapshot', snapshot([readyResource(hostCluster.name)])),
    );
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: virtualCluster.name })).toBeNull(),
    );
    expect(screen.getByLabelText('Status')).toHaveValue('ready');
  });

  it('when the connection drops, then the indicator says Reconnecting and the statuses stay', async () => {
    await openList();
    act(() =>
      FakeEventSource.latest().emit('snapshot', snapshot([readyResource(hostCluster.name)])),
    );
    await within(row(hostCluster.name)).findByText('Ready');
    act(() => FakeEventSource.latest().drop());
    expect(
      await screen.findByRole('status', { name: 'Live status: Reconnecting…' }),
    ).toBeInTheDocument();
    expect(within(row(hostCluster.name)).getByText('Ready')).toBeInTheDocument();
  });

  it('when the management cluster is not configured, then the list says so and rows show no status', async () => {
    await openList();
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot([], null, { state: 'not-configured', since: null, message: 'No kubeconfig set.' }),
      ),
    );
    expect(
      await screen.findByRole('status', { name: 'Live status: Not configured' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The console is not connected to a tenant management cluster/),
    ).toBeInTheDocument();
    expect(within(row(hostCluster.name)).queryByText('Ready')).toBeNull();
  });

  it('when the stream is refused with 403, then the list says this user has no live status', async () => {
    server.use(
      http.get('/api/console/cluster-status', () =>
        apiError(403, 'NO_AUTHORIZATION', 'You may not read the cluster list.'),
      ),
    );
    await openList();
    act(() => FakeEventSource.latest().refuse());
    expect(
      await screen.findByRole('status', { name: 'Live status: No access' }),
    ).toBeInTheDocument();
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('when the stream is refused with 401, then the app’s session handling takes over', async () => {
    server.use(
      http.get('/api/console/cluster-status', () => apiError(401, 'UNAUTHENTICATED', 'Sign in.')),
    );
    const { navigation } = await openList();
    act(() => FakeEventSource.latest().refuse());
    await waitFor(() => expect(navigation.toLogin).toHaveBeenCalled());
  });
});
