import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import { hostCluster, server, serveConsole, virtualCluster } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';

const workers: Cluster[] = ['worker-a', 'worker-b', 'worker-c'].map((name) => ({
  ...hostCluster,
  name,
  usage: 'worker',
  worker_type: 'deployment',
}));

async function renderList() {
  serveConsole([hostCluster, virtualCluster, ...workers]);
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.4', source: 'server', message: '' }),
    ),
  );
  const view = renderApp('/clusters');
  await screen.findByRole('checkbox', { name: 'Select worker-a' }, { timeout: 15_000 });
  return view;
}
const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
const allShown = () => screen.getByRole('checkbox', { name: 'Select all shown clusters' });

afterEach(() => vi.restoreAllMocks());

describe('the cluster list selection', () => {
  it('when Space is pressed on a row and Shift+Space further down, then the range is selected and the header is mixed', async () => {
    const { user } = await renderList();
    screen.getByRole('link', { name: 'worker-a' }).focus();
    await user.keyboard(' ');
    expect(box('worker-a')).toBeChecked();
    box('worker-c').focus();
    await user.keyboard('{Shift>} {/Shift}');
    expect(box('worker-b')).toBeChecked();
    expect(box('worker-c')).toBeChecked();
    expect(box('cluster-host')).not.toBeChecked();
    expect(allShown()).toBePartiallyChecked();
    expect(screen.getByText('3 clusters selected')).toBeInTheDocument();
    await user.click(allShown());
    expect(allShown()).toBeChecked();
    expect(box('cluster-host')).toBeChecked();
  });

  it('when a filter hides selected rows, then the selection is kept and the hidden ones are counted', async () => {
    const { user } = await renderList();
    await user.click(box('cluster-host'));
    await user.click(box('worker-a'));
    await user.type(screen.getByLabelText('Search by name'), 'worker');
    expect(screen.queryByRole('checkbox', { name: 'Select cluster-host' })).not.toBeInTheDocument();
    expect(screen.getByText('2 clusters selected')).toBeInTheDocument();
    expect(screen.getByText(/1 of them hidden by the filter/)).toBeInTheDocument();
    expect(allShown()).toBePartiallyChecked();
    await user.clear(screen.getByLabelText('Search by name'));
    expect(box('cluster-host')).toBeChecked();
  });

  it('when clusters are selected, then the download says so and writes only them', async () => {
    const { user } = await renderList();
    expect(screen.getByRole('button', { name: 'Download for the Nautes CLI' })).toBeEnabled();
    await user.click(box('worker-b'));
    await user.click(box('worker-c'));
    const texts: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      texts.push(blob);
      return 'blob:cli-file';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(
      screen.getByRole('button', { name: 'Download 2 selected for the Nautes CLI' }),
    );
    await waitFor(() => expect(texts).toHaveLength(1));
    const text = await texts[0]!.text();
    expect(text).toContain('name: worker-b');
    expect(text).toContain('name: worker-c');
    expect(text).not.toContain('name: worker-a');
  });

  it('when every selected cluster is deleted and the dialog closes, then focus lands on the list heading', async () => {
    const sent: string[] = [];
    const { user } = await renderList();
    server.use(
      http.delete('/api/v1/clusters/:name', ({ params }) => {
        sent.push(String(params.name));
        return HttpResponse.json({ message: 'deleted' });
      }),
      http.get('/api/v1/clusters', () =>
        HttpResponse.json({
          items: [hostCluster, virtualCluster, ...workers].filter((c) => !sent.includes(c.name)),
        }),
      ),
    );
    await user.click(box('worker-a'));
    await user.click(box('worker-b'));
    await user.click(screen.getByRole('button', { name: 'Delete selected (2)' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 2 clusters?' });
    await user.keyboard('2{Enter}');
    await within(dialog).findByText('Finished: 2 deleted, 0 failed, 0 skipped.');
    expect(sent).toEqual(['worker-a', 'worker-b']);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
    expect(screen.queryByRole('checkbox', { name: 'Select worker-a' })).not.toBeInTheDocument();
  });
});
