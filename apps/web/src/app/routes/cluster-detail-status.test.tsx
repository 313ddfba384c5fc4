import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ArgoView, ClusterResourceView } from '@cluster-console/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { FakeEventSource, installFakeEventSource } from '../../testing/fake-event-source';
import { hostCluster, server, serveConsole } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';
import {
  argoView,
  change,
  failedResource,
  readyResource,
  serveStatusResources,
  snapshot,
} from '../../testing/status-fixtures';

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

/** The BFF as the page sees it: these resources in the stream's snapshot and on their route. */
function streamResources(resources: ClusterResourceView[], argo: ArgoView | null = null) {
  serveStatusResources(resources);
  act(() => FakeEventSource.latest().emit('snapshot', snapshot(resources, argo)));
}

// The first test of a file loads the page's code and texts: slow on a loaded machine.
describe('the detail page’s Status section', { timeout: 60_000 }, () => {
  it('when an operator reports a failure, then its condition, operator, message and what to do are shown', async () => {
    const section = await openDetail();
    const failed = failedResource(
      hostCluster.name,
      'sync cluster info to secret store failed: sealed',
    );
    streamResources(
      [failed],
      argoView([{ name: hostCluster.name, status: 'Synced', failure: null }]),
    );
    expect(await within(section).findByText('Error')).toBeInTheDocument();
    const conditions = await within(section).findByRole('table', {
      name: 'Conditions written by the Nautes operators',
    });
    const failedRow = within(conditions).getByRole('row', { name: /SecretStoreReady/ });
    expect(failedRow).toHaveTextContent('False');
    expect(failedRow).toHaveTextContent('cluster-operator');
    expect(failedRow).toHaveTextContent('sync cluster info to secret store failed: sealed');
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
    const failed = failedResource(hostCluster.name, 'vault sealed');
    streamResources([failed]);
    const section = await screen.findByRole('region', { name: '状态' });
    expect(await within(section).findByText('错误')).toBeInTheDocument();
    expect(
      within(section).getByText('SecretStoreReady（cluster-operator） 失败：vault sealed'),
    ).toBeInTheDocument();
  });

  it('when a resource is ready, then the section says so', async () => {
    const section = await openDetail();
    const ready = readyResource(hostCluster.name);
    streamResources([ready]);
    expect(await within(section).findByText('Ready')).toBeInTheDocument();
    expect(
      within(section).getByText("The console does not follow the tenant's Argo CD Application."),
    ).toBeInTheDocument();
  });

  it('when an operator’s status changes while the page is open, then the conditions follow without a reload', async () => {
    const section = await openDetail();
    const ready = readyResource(hostCluster.name);
    streamResources([ready]);
    expect(await within(section).findByText('Ready')).toBeInTheDocument();
    const failed = {
      ...failedResource(hostCluster.name, 'vault sealed just now'),
      resource_version: '8',
    };
    serveStatusResources([failed]);
    act(() => FakeEventSource.latest().emit('cluster', change(hostCluster.name, failed)));
    const conditions = within(section).getByRole('table', {
      name: 'Conditions written by the Nautes operators',
    });
    expect(await within(conditions).findByText('vault sealed just now')).toBeInTheDocument();
  });

  it('when the resource cannot be read, then the section says why and Try again reads it', async () => {
    server.use(
      http.get(
        '/api/console/cluster-status/clusters/:name',
        () => new HttpResponse('upstream timed out', { status: 504 }),
      ),
    );
    const section = await openDetail();
    const ready = readyResource(hostCluster.name);
    act(() => FakeEventSource.latest().emit('snapshot', snapshot([ready])));
    // A 5xx is asked again twice (the query client's rule) before it shows.
    const alert = await within(section).findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('The conditions could not be read');
    serveStatusResources([ready]);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await within(section).findByRole('table', {
        name: 'Conditions written by the Nautes operators',
      }),
    ).toBeInTheDocument();
  });
});
