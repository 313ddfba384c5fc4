import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../../testing/kubeconfigs';
import { server } from '../../../../testing/msw-server';
import { openWizard } from '../../../../testing/open-wizard';

/**
 * After Save the list is fetched again (the wizard's host choices use it), but only once the
 * "registered" page is shown: reading 1,000 clusters used to take the main thread while that
 * page rendered.
 */
describe('cluster wizard: the list is refetched after the saved page shows', () => {
  it('when a save succeeds, then the list is fetched again, and only after the registered heading is on the page', async () => {
    let saved = false;
    const listFetchesAfterSave: boolean[] = [];
    const { user } = await openWizard();
    // After openWizard, whose handlers these then come before.
    server.use(
      http.post('/api/v1/clusters/:name', () => {
        saved = true;
        return HttpResponse.json({ message: 'Saved' });
      }),
      // Records, then falls through to the default list handler.
      http.get('/api/v1/clusters', () => {
        if (saved) {
          const heading = screen.queryByRole('heading', { name: /Cluster host-r registered/ });
          listFetchesAfterSave.push(heading !== null);
        }
      }),
    );
    await user.click(screen.getByLabelText(/Physical host cluster/));
    await user.type(screen.getByLabelText('Cluster name'), 'host-r');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(await screen.findByLabelText('Kubeconfig'), {
      target: { value: kubeconfig() },
    });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Save cluster' }));
    await screen.findByRole('heading', { name: /Cluster host-r registered/ });
    await waitFor(() => expect(listFetchesAfterSave.length).toBeGreaterThan(0));
    expect(listFetchesAfterSave.every(Boolean)).toBe(true);
  });
});
