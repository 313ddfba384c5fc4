import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '../../../app/provider';
import { createQueryClient } from '../../../lib/query-client';
import { FakeEventSource, installFakeEventSource } from '../../../testing/fake-event-source';
import {
  argoView,
  failedResource,
  readyResource,
  snapshot,
  change,
} from '../../../testing/status-fixtures';
import { SaveProgress } from './save-progress';

installFakeEventSource();

async function renderProgress(name = 'new-worker') {
  render(
    <AppProvider queryClient={createQueryClient()}>
      <SaveProgress name={name} savedAt={new Date(Date.now() - 40_000).toISOString()} />
    </AppProvider>,
  );
  // The steps appear with the stream's snapshot, which each test sends itself.
  await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
}

function step(name: RegExp): HTMLElement {
  const list = screen.getByRole('list', { name: /Progress of/ });
  const item = within(list)
    .getAllByRole('listitem')
    .find((element) => name.test(element.textContent ?? ''));
  if (!item) throw new Error(`no step ${String(name)}`);
  return item;
}

// The first test of a file loads the page's code and texts: slow on a loaded machine.
describe('the page after Save follows the cluster live', { timeout: 60_000 }, () => {
  it('when the resource appears and the operators report, then it goes from Waiting for sync to Ready', async () => {
    await renderProgress();
    act(() => FakeEventSource.latest().emit('snapshot', snapshot([])));
    expect(await screen.findByText('Waiting for sync')).toBeInTheDocument();
    expect(step(/Saved in Git 40 seconds ago/)).toHaveTextContent('Done');
    expect(step(/Synced to the management cluster/)).toHaveTextContent('In progress');
    expect(step(/Synced to the management cluster/)).toHaveTextContent(
      /Saved in Git 40 seconds ago; Argo CD has not created the resource yet/,
    );
    act(() =>
      FakeEventSource.latest().emit('cluster', change('new-worker', readyResource('new-worker'))),
    );
    expect(await screen.findByText('Ready', { selector: '.status-badge' })).toBeInTheDocument();
    expect(step(/^✓Ready/)).toHaveTextContent('Done');
  });

  it('when Argo CD refuses the file, then the sync step failed with the webhook’s words and what to do', async () => {
    await renderProgress();
    const refusal = 'admission webhook "cluster.kb.io" denied the request: host not found';
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot([], argoView([{ name: 'new-worker', status: 'OutOfSync', failure: refusal }])),
      ),
    );
    expect(await screen.findByText('Sync failed')).toBeInTheDocument();
    const synced = step(/Synced to the management cluster/);
    expect(synced).toHaveTextContent('Failed');
    expect(synced).toHaveTextContent(refusal);
    expect(synced).toHaveTextContent(/edit the cluster\) and save again/);
  });

  it('when an operator fails, then the Ready step failed with its message and advice', async () => {
    await renderProgress();
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot([failedResource('new-worker', 'sync cluster info to secret store failed: x')]),
      ),
    );
    expect(await screen.findByText('Error')).toBeInTheDocument();
    expect(step(/Synced to the management cluster/)).toHaveTextContent('Done');
    expect(step(/^✕Ready/)).toHaveTextContent('sync cluster info to secret store failed: x');
    expect(step(/^✕Ready/)).toHaveTextContent(/Check the kubeconfig/);
  });

  it('when live status is not configured, then the page explains instead of showing steps', async () => {
    await renderProgress();
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot([], null, {
          state: 'not-configured',
          since: null,
          message: 'MANAGEMENT_KUBECONFIG is not set.',
        }),
      ),
    );
    expect(await screen.findByText('Live status is not configured')).toBeInTheDocument();
    expect(screen.getByText('MANAGEMENT_KUBECONFIG is not set.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Progress of/ })).toBeNull();
  });
});
