import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import { loadTextPart } from '../../../../lib/i18n';
import { createQueryClient } from '../../../../lib/query-client';
import { expectBusyButton } from '../../../../testing/busy-button';
import { holdRequests } from '../../../../testing/held-requests';
import { apiError, hostCluster, server, virtualCluster } from '../../../../testing/msw-server';
import { BulkDeleteDialog } from './bulk-delete-dialog';

const worker: Cluster = { ...hostCluster, name: 'cluster-worker', usage: 'worker' };
const ALL = [hostCluster, virtualCluster, worker];

/** Every DELETE the dialog sends, by cluster name, in order; `fail` names get a 500. */
function recordDeletes(fail: string[] = []) {
  const sent: string[] = [];
  server.use(
    http.delete('/api/v1/clusters/:name', ({ params }) => {
      const name = String(params.name);
      sent.push(name);
      if (fail.includes(name)) return apiError(500, 'INTERNAL', `could not delete ${name}`);
      return HttpResponse.json({ message: `Successfully deleted ${name} cluster` });
    }),
  );
  return sent;
}

function renderDialog(selected: Cluster[]) {
  const onClose = vi.fn();
  const queryClient = createQueryClient({ toSignInPage: vi.fn(), toLogin: vi.fn() });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <BulkDeleteDialog selected={selected} all={ALL} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { user, onClose };
}

describe('BulkDeleteDialog', () => {
  beforeAll(() => loadTextPart('batch'));

  it('when a host is selected without its virtual cluster, then it is refused naming it and nothing is sent', async () => {
    const sent = recordDeletes();
    const { user, onClose } = renderDialog([hostCluster, worker]);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 clusters?' });
    expect(dialog).toHaveTextContent('cluster-host carries a virtual cluster that is not selected');
    expect(within(dialog).getByText('vcluster-virtual')).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/to confirm/)).not.toBeInTheDocument();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.click(close);
    expect(onClose).toHaveBeenCalledOnce();
    expect(sent).toEqual([]);
  });

  it('when opened, then it names every cluster in deletion order and deletes only once the count is typed', async () => {
    const sent = recordDeletes();
    const { user } = renderDialog([hostCluster, worker, virtualCluster]);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 3 clusters?' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-cluster'))).toEqual([
      'cluster-worker',
      'vcluster-virtual',
      'cluster-host',
    ]);
    const input = within(dialog).getByLabelText('Type 3 (the number of clusters) to confirm');
    expect(input).toHaveFocus();
    const confirm = within(dialog).getByRole('button', { name: 'Delete 3 clusters' });
    expect(confirm).toBeDisabled();
    await user.type(input, '2');
    expect(confirm).toBeDisabled();
    await user.clear(input);
    await user.type(input, '3');
    expect(confirm).toBeEnabled();
    expect(sent).toEqual([]);
    await user.click(confirm);
    await within(dialog).findByText('Finished: 3 deleted, 0 failed, 0 skipped.');
    // One request per cluster, the virtual cluster before its host.
    expect(sent).toEqual(['cluster-worker', 'vcluster-virtual', 'cluster-host']);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('when confirmed from the keyboard, then the pressed button keeps focus while it runs, a second press sends nothing, and Close takes focus at the end', async () => {
    const deletes = holdRequests();
    server.use(
      http.delete('/api/v1/clusters/:name', async ({ params }) => {
        await deletes.hold(String(params.name));
        return HttpResponse.json({ message: 'deleted' });
      }),
    );
    const { user } = renderDialog([worker]);
    await user.keyboard('1');
    await user.tab();
    await user.tab();
    const confirm = screen.getByRole('button', { name: 'Delete 1 cluster' });
    expect(confirm).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(deletes.seen).toEqual(['cluster-worker']));
    await waitFor(() => expectBusyButton('Deleting…'));
    await user.keyboard('{Enter}');
    deletes.release();
    await screen.findByText('Finished: 1 deleted, 0 failed, 0 skipped.');
    expect(deletes.seen).toEqual(['cluster-worker']);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('when a virtual cluster fails, then its host is skipped with the reason and the others still go', async () => {
    const sent = recordDeletes(['vcluster-virtual']);
    const { user } = renderDialog([virtualCluster, hostCluster, worker]);
    await user.type(screen.getByLabelText(/to confirm/), '3{Enter}');
    await screen.findByText('Finished: 1 deleted, 1 failed, 1 skipped.');
    expect(sent).toEqual(['vcluster-virtual', 'cluster-worker']);
    const row = (name: string) => document.querySelector(`tr[data-cluster="${name}"]`);
    expect(row('cluster-host')).toHaveTextContent('Skipped: vcluster-virtual was not deleted');
    expect(row('vcluster-virtual')).toHaveTextContent('could not delete vcluster-virtual');
    expect(row('cluster-worker')).toHaveTextContent('Deleted');
  });
});
