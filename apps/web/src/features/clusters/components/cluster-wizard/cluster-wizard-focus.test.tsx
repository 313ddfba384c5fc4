import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../../testing/kubeconfigs';
import { expectBusyButton } from '../../../../testing/busy-button';
import { holdRequests } from '../../../../testing/held-requests';
import { server } from '../../../../testing/msw-server';
import { openWizard } from '../../../../testing/open-wizard';

/**
 * Where focus goes as a keyboard user moves through the wizard: each step's heading, the Save
 * button while it saves, the result's heading after. Never the page's body.
 */
const stepHeading = () => screen.getByRole('heading', { level: 2, name: /Step \d of 4/ });

describe('cluster wizard: focus by keyboard', () => {
  it('when Next and Save are pressed by keyboard, then each step’s heading takes focus, Save keeps it while saving (sending once), and the result’s heading takes it after', async () => {
    const saves = holdRequests();
    server.use(
      http.post('/api/v1/clusters/:name', async ({ params }) => {
        await saves.hold(String(params.name));
        return HttpResponse.json({ message: 'Saved' });
      }),
    );
    const { user } = await openWizard();
    await user.click(screen.getByLabelText(/Physical host cluster/));
    await user.type(screen.getByLabelText('Cluster name'), 'host-k{Enter}');
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 2 of 4'));
    expect(stepHeading()).toHaveFocus();
    // Pasted: typing a whole kubeconfig key by key would only slow the test.
    fireEvent.change(screen.getByLabelText('Kubeconfig'), { target: { value: kubeconfig() } });
    for (const step of [3, 4]) {
      screen.getByRole('button', { name: 'Next' }).focus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(stepHeading()).toHaveTextContent(`Step ${step} of 4`));
      expect(stepHeading()).toHaveFocus();
    }

    const save = screen.getByRole('button', { name: 'Save cluster' });
    save.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(saves.seen).toEqual(['host-k']));
    await waitFor(() => expectBusyButton('Saving…'));
    await user.keyboard('{Enter}');
    saves.release();
    const done = await screen.findByRole('heading', { name: /Cluster host-k registered/ });
    expect(done).toHaveFocus();
    expect(saves.seen).toEqual(['host-k']);

    screen.getByRole('button', { name: 'Register another cluster' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 1 of 4'));
    expect(stepHeading()).toHaveFocus();
  });
});
