import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTextPart } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { apiError, hostCluster, server, virtualCluster } from '../../../testing/msw-server';
import { DeleteClusterDialog } from './delete-cluster-dialog';

function renderDialog(virtualClusters: string[] = []) {
  const onClose = vi.fn();
  const onDeleted = vi.fn();
  const queryClient = createQueryClient({ toSignInPage: vi.fn(), toLogin: vi.fn() });
  const user = userEvent.setup();
  const opener = document.createElement('button');
  opener.textContent = 'open';
  document.body.append(opener);
  opener.focus();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <DeleteClusterDialog
        cluster={hostCluster}
        virtualClusters={virtualClusters}
        onClose={onClose}
        onDeleted={onDeleted}
      />
    </QueryClientProvider>,
  );
  return { ...view, user, onClose, onDeleted, opener };
}

describe('DeleteClusterDialog', () => {
  // The list and detail pages load these texts with the dialog.
  beforeAll(() => loadTextPart('detail'));

  it('when opened, then it explains the effect, focuses the name box and keeps the delete button disabled until the name is typed', async () => {
    const { user } = renderDialog();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete cluster cluster-host?' });
    expect(dialog).toHaveTextContent('removed from the tenant configuration repository');
    const input = screen.getByLabelText('Type cluster-host to confirm');
    expect(input).toHaveFocus();
    const confirm = screen.getByRole('button', { name: 'Delete cluster' });
    expect(confirm).toBeDisabled();
    await user.type(input, 'cluster-hos');
    expect(confirm).toBeDisabled();
    await user.type(input, 't');
    expect(confirm).toBeEnabled();
  });

  it('when Tab leaves the last control, then focus wraps inside the dialog; Escape closes it', async () => {
    const { user, onClose } = renderDialog();
    await user.type(screen.getByLabelText('Type cluster-host to confirm'), 'cluster-host');
    await user.tab(); // Cancel
    await user.tab(); // Delete
    expect(screen.getByRole('button', { name: 'Delete cluster' })).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('Type cluster-host to confirm')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('when the dialog closes, then focus returns to the control that opened it', () => {
    const { unmount, opener } = renderDialog();
    expect(opener).not.toHaveFocus();
    unmount();
    expect(opener).toHaveFocus();
  });

  it('when the server refuses, then its message is shown in the dialog and nothing is reported deleted', async () => {
    server.use(
      http.delete('/api/v1/clusters/:name', () =>
        apiError(
          409,
          'RESOURCE_IN_USE',
          'cluster-host is the host of vcluster-virtual: delete that first.',
          {
            referenced_by: 'vcluster-virtual',
          },
        ),
      ),
    );
    const { user, onDeleted } = renderDialog();
    await user.type(screen.getByLabelText('Type cluster-host to confirm'), 'cluster-host');
    await user.click(screen.getByRole('button', { name: 'Delete cluster' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The cluster was not deleted');
    expect(alert).toHaveTextContent(
      'cluster-host is the host of vcluster-virtual: delete that first.',
    );
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('when the delete succeeds, then it sends the CSRF header and reports the name', async () => {
    let header: string | null = null;
    server.use(
      http.delete('/api/v1/clusters/:name', ({ request, params }) => {
        header = request.headers.get('X-Requested-With');
        return HttpResponse.json({
          message: `Successfully deleted ${String(params.name)} cluster`,
        });
      }),
    );
    const { user, onDeleted } = renderDialog();
    await user.type(screen.getByLabelText('Type cluster-host to confirm'), 'cluster-host{Enter}');
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('cluster-host'));
    expect(header).toBe('cluster-console');
  });

  it('when the host still carries virtual clusters, then it names them and offers no delete', () => {
    renderDialog([virtualCluster.name]);
    expect(screen.getByText('This host cluster is still in use')).toBeInTheDocument();
    expect(screen.getByText('vcluster-virtual')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete cluster' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/to confirm/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });
});
