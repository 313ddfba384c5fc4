import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../testing/kubeconfigs';
import { hostCluster, server, serveConsole } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { CONSOLE_CONNECTION_CHECKS_PATH } from '@cluster-console/shared';

/** The BFF withheld the kubeconfig's credentials from another server: the wizard says so and offers to confirm. */
const skipped = (message: string) => ({ status: 'skipped', message, duration_ms: 0 });
const answer = (confirmed: boolean) => ({
  api_server: 'https://10.1.2.3:6443',
  address: '10.1.2.3',
  checks: [
    { id: 'reachable', status: 'ok', message: 'accepts connections.', duration_ms: 3 },
    { id: 'tls', status: 'ok', message: 'verified.', duration_ms: 3 },
    { id: 'version', status: 'ok', message: 'Kubernetes v1.31.4 answers.', duration_ms: 3 },
    confirmed
      ? { id: 'identity', status: 'ok', message: 'The user deployer.', duration_ms: 3 }
      : { id: 'identity', ...skipped('Skipped: credentials not sent.') },
    confirmed
      ? { id: 'permissions', status: 'ok', message: 'May.', duration_ms: 3 }
      : { id: 'permissions', ...skipped('Skipped: credentials not sent.') },
  ],
  notes: [],
  server_mismatch: {
    kubeconfig_server: '127.0.0.1:6443',
    api_server: '10.1.2.3:6443',
    confirmed,
  },
  duration_ms: 20,
});

function serveCheck() {
  const bodies: Record<string, unknown>[] = [];
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'configured', message: '' }),
    ),
    http.post(CONSOLE_CONNECTION_CHECKS_PATH, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return HttpResponse.json(answer(body.confirm_credentials_for === '10.1.2.3:6443'));
    }),
  );
  return bodies;
}

describe('credentials for another server in the connection check', () => {
  it('when the API server field is not the kubeconfig server, then the mismatch is shown, and a keyboard confirmation sends that address for one check', async () => {
    const bodies = serveCheck();
    serveConsole([hostCluster]);
    const { user } = renderApp('/clusters/new');
    await screen.findByRole('heading', { name: /Step 1 of 4/ }, { timeout: 15_000 });
    await user.click(screen.getByLabelText(/Physical worker cluster/));
    await user.click(screen.getByLabelText(/Deployment/));
    await user.type(screen.getByLabelText('Cluster name'), 'worker-a');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });
    fireEvent.change(screen.getByLabelText('Kubeconfig'), {
      target: { value: kubeconfig({ server: 'https://127.0.0.1:6443' }) },
    });
    fireEvent.change(screen.getByLabelText('API server URL'), {
      target: { value: 'https://10.1.2.3:6443' },
    });
    const check = () => screen.getByRole('button', { name: /^Check (connection|again)$/ });
    await waitFor(() => expect(check()).toBeEnabled());
    await user.click(check());

    expect(await screen.findByText('Credentials not sent')).toBeInTheDocument();
    expect(
      screen.getByText(
        /The kubeconfig is for 127\.0\.0\.1:6443, the API server field is 10\.1\.2\.3:6443\./,
      ),
    ).toBeInTheDocument();
    expect(bodies[0]).not.toHaveProperty('confirm_credentials_for');

    const confirm = screen.getByRole('button', {
      name: 'Send the credentials to 10.1.2.3:6443 for one check',
    });
    confirm.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Credentials sent to 10.1.2.3:6443')).toBeInTheDocument();
    expect(bodies[1]).toMatchObject({ confirm_credentials_for: '10.1.2.3:6443' });
    expect(screen.getByRole('heading', { name: 'Check the connection' })).toHaveFocus();

    // The next check asks again: no confirmation is kept.
    await user.click(check());
    expect(await screen.findByText('Credentials not sent')).toBeInTheDocument();
    expect(bodies[2]).not.toHaveProperty('confirm_credentials_for');
  });
});
