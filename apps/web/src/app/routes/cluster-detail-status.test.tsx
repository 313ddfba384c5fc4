import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { FakeEventSource, installFakeEventSource } from '../../testing/fake-event-source';
import { hostCluster, server, serveConsole } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';
import { argoView, failedResource, readyResource, snapshot } from '../../testing/status-fixtures';

installFakeEventSource();

beforeEach(() => {
  serveConsole([hostCluster]);
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'server', message: '' }),
    ),
    http.get('/api/v1/clusters/:name', () => HttpResponse.json(hostCluster)),
  );
});
afterEach(async () => {
  await changeLanguage('en');
});

async function openDetail() {
  renderApp(`/clusters/${hostCluster.name}`);
  await screen.findByRole('heading', { level: 1, name: hostCluster.name }, { timeout: 20_000 });
  await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
  return screen.findByRole('region', { name: 'Status' });
}

// The first test of a file loads the page's code and texts: slow on a loaded machine.
describe('the detail page’s Status section', { timeout: 60_000 }, () => {
  it('when an operator reports a failure, then its condition, operator, message and what to do are shown', async () => {
    const section = await openDetail();
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot(
          [failedResource(hostCluster.name, 'sync cluster info to secret store failed: sealed')],
          argoView([{ name: hostCluster.name, status: 'Synced', failure: null }]),
        ),
      ),
    );
    expect(await within(section).findByText('Error')).toBeInTheDocument();
    const conditions = within(section).getByRole('table', {
      name: 'Conditions written by the Nautes operators',
    });
    const failed = within(conditions).getByRole('row', { name: /SecretStoreReady/ });
    expect(failed).toHaveTextContent('False');
    expect(failed).toHaveTextContent('cluster-operator');
    expect(failed).toHaveTextContent('sync cluster info to secret store failed: sealed');
    expect(within(section).getByText(/Check the kubeconfig/)).toBeInTheDocument();
    expect(
      within(section).getByText('Yes, by cluster-operator and argo-operator'),
    ).toBeInTheDocument();
    expect(within(section).getByText('4c1f0e9d2b7a')).toBeInTheDocument();
    expect(within(section).getByRole('cell', { name: 'NodePort' })).toBeInTheDocument();
  });

  it('when Argo CD refused the file, then Sync failed shows with its words', async () => {
    const section = await openDetail();
    const refusal =
      'admission webhook "vcluster.kb.io" denied the request: host cluster-gone not found';
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot(
          [],
          argoView([{ name: hostCluster.name, status: 'OutOfSync', failure: refusal }], refusal),
        ),
      ),
    );
    expect(await within(section).findByText('Sync failed')).toBeInTheDocument();
    expect(
      within(section).getByText(`Argo CD could not apply the file: ${refusal}`),
    ).toBeInTheDocument();
    expect(
      within(section).getByText('No Cluster resource in the tenant management cluster yet.'),
    ).toBeInTheDocument();
  });

  it('when the page is in Chinese, then the status speaks Chinese and the operator’s message stays as written', async () => {
    await changeLanguage('zh-CN');
    renderApp(`/clusters/${hostCluster.name}`);
    await screen.findByRole('heading', { level: 1, name: hostCluster.name });
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    act(() =>
      FakeEventSource.latest().emit(
        'snapshot',
        snapshot([failedResource(hostCluster.name, 'vault sealed')]),
      ),
    );
    const section = await screen.findByRole('region', { name: '状态' });
    expect(await within(section).findByText('错误')).toBeInTheDocument();
    expect(
      within(section).getByText('SecretStoreReady（cluster-operator） 失败：vault sealed'),
    ).toBeInTheDocument();
  });

  it('when a resource is ready, then the section says so', async () => {
    const section = await openDetail();
    act(() =>
      FakeEventSource.latest().emit('snapshot', snapshot([readyResource(hostCluster.name)])),
    );
    expect(await within(section).findByText('Ready')).toBeInTheDocument();
    expect(
      within(section).getByText("The console does not follow the tenant's Argo CD Application."),
    ).toBeInTheDocument();
  });
});
