import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../testing/kubeconfigs';
import { apiError, hostCluster, server, serveConsole } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { CONSOLE_CONNECTION_CHECKS_PATH } from '@cluster-console/shared';

const ANSWER = {
  api_server: 'https://10.1.2.3:6443',
  address: '10.1.2.3',
  checks: [
    {
      id: 'reachable',
      status: 'ok',
      message: '10.1.2.3:6443 accepts connections.',
      duration_ms: 3,
    },
    {
      id: 'tls',
      status: 'ok',
      message:
        "The server's certificate is valid for 10.1.2.3 and verified with the kubeconfig's CA.",
      detail: 'Server certificate: CN=kube-apiserver',
      duration_ms: 12,
    },
    { id: 'version', status: 'ok', message: 'Kubernetes v1.31.4 answers.', duration_ms: 8 },
    {
      id: 'identity',
      status: 'ok',
      message: 'The credentials (bearer token) are the user deployer.',
      duration_ms: 7,
    },
    {
      id: 'permissions',
      status: 'warning',
      message: 'The user may not create cluster roles cluster-wide: installing ArgoCD will fail.',
      detail: 'create namespaces: yes; create clusterroles: no',
      duration_ms: 1520,
    },
  ],
  notes: ['The exec credential plugin was not run.'],
  duration_ms: 51,
};

interface Seen {
  body: unknown;
  csrf: string | null;
}

/** Answers the check with `reply` and records every request it gets. */
function serveCheck(reply: () => Response | Promise<Response> = () => HttpResponse.json(ANSWER)) {
  const seen: Seen[] = [];
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'configured', message: '' }),
    ),
    http.post(CONSOLE_CONNECTION_CHECKS_PATH, async ({ request }) => {
      seen.push({ body: await request.json(), csrf: request.headers.get('X-Requested-With') });
      return reply();
    }),
  );
  return seen;
}

async function openConnectionStep() {
  serveConsole([hostCluster]);
  const app = renderApp('/clusters/new');
  await screen.findByRole('heading', { name: /Step 1 of 4/ }, { timeout: 15_000 });
  await app.user.click(screen.getByLabelText(/Physical worker cluster/));
  await app.user.click(screen.getByLabelText(/Deployment/));
  await app.user.type(screen.getByLabelText('Cluster name'), 'worker-a');
  await app.user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: /Step 2 of 4/ });
  return app;
}

function pasteKubeconfig(text: string) {
  fireEvent.change(screen.getByLabelText('Kubeconfig'), { target: { value: text } });
}

const checkButton = () => screen.getByRole('button', { name: /^Check (connection|again)$/ });

describe('connection check in the wizard', () => {
  it('when the step opens and is filled, then nothing is asked until Check connection is pressed', async () => {
    const seen = serveCheck();
    await openConnectionStep();
    expect(checkButton()).toBeDisabled();
    expect(
      screen.getByText('Enter the API server URL and a kubeconfig to check the connection.'),
    ).toBeInTheDocument();

    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() =>
      expect(screen.getByLabelText('API server URL')).toHaveValue('https://10.1.2.3:6443'),
    );
    await waitFor(() => expect(checkButton()).toBeEnabled());
    // Give any request that would go out by itself the time to do so.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([]);
  });

  it('when pressed, then it sends the reduced kubeconfig and shows each check in words, the notes and the advice', async () => {
    // The answer waits for the test: the check is still running when pressed again.
    let answer: () => void = () => undefined;
    const seen = serveCheck(async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      return HttpResponse.json(ANSWER);
    });
    const { user } = await openConnectionStep();
    const text = kubeconfig({ server: 'https://10.1.2.3:6443', contexts: ['admin@prod', 'other'] });
    pasteKubeconfig(text);
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());

    expect(await screen.findByText('Checking…')).toBeInTheDocument();
    expect(screen.getByText('Checking…').closest('[aria-live]')).toHaveAttribute(
      'aria-live',
      'polite',
    );
    // Still focusable while it runs (a disabled button drops the keyboard's focus to the
    // body), and pressing it again asks nothing more.
    expect(checkButton()).toBeEnabled();
    expect(checkButton()).toHaveAttribute('aria-disabled', 'true');
    await user.click(checkButton());
    answer();

    const list = await screen.findByRole('list', { name: 'Connection check results' });
    expect(
      await screen.findByText('The cluster answers, with warnings (51 ms).'),
    ).toBeInTheDocument();
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent('OK');
    expect(rows[0]).toHaveTextContent('Reachable');
    expect(rows[0]).toHaveTextContent('10.1.2.3:6443 accepts connections.');
    expect(rows[0]).toHaveTextContent('3 ms');
    expect(rows[1]).toHaveTextContent('Server certificate: CN=kube-apiserver');
    expect(rows[2]).toHaveTextContent('Kubernetes v1.31.4 answers.');
    expect(rows[3]).toHaveTextContent('the user deployer');
    expect(rows[4]).toHaveTextContent('Warning');
    expect(rows[4]).toHaveTextContent('Permissions');
    expect(rows[4]).toHaveTextContent('installing ArgoCD will fail');
    expect(rows[4]).toHaveTextContent('1.5 s');
    expect(screen.getByText('Not used from the kubeconfig')).toBeInTheDocument();
    expect(screen.getByText('The exec credential plugin was not run.')).toBeInTheDocument();
    expect(screen.getByText('The check is advice: you may still save.')).toBeInTheDocument();
    expect(screen.getByText('Checked https://10.1.2.3:6443 at 10.1.2.3.')).toBeInTheDocument();

    expect(seen).toHaveLength(1);
    const body = seen[0]?.body as { api_server: string; kubeconfig: string };
    expect(seen[0]?.csrf).toBe('cluster-console');
    expect(body.api_server).toBe('https://10.1.2.3:6443');
    // Only the chosen context went out, as in the save request.
    expect(body.kubeconfig).toContain('admin@prod');
    expect(body.kubeconfig).not.toContain('10.9.9.1');

    // Still advice: Next moves on whatever the answer.
    expect(screen.getByRole('button', { name: 'Check again' })).toBeEnabled();
  });

  it('when the API server or the kubeconfig changes, then the answer is cleared and the check may run again', async () => {
    const seen = serveCheck();
    const { user } = await openConnectionStep();
    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());
    await screen.findByRole('list', { name: 'Connection check results' });

    await user.type(screen.getByLabelText('API server URL'), '0');
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Connection check results' })).toBeNull(),
    );
    expect(screen.queryByText('The check is advice: you may still save.')).toBeNull();
    expect(checkButton()).toHaveTextContent('Check connection');

    await user.click(checkButton());
    await screen.findByRole('list', { name: 'Connection check results' });
    expect(seen).toHaveLength(2);
    expect((seen[1]?.body as { api_server: string }).api_server).toBe('https://10.1.2.3:64430');

    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443', user: { token: 'another' } }));
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Connection check results' })).toBeNull(),
    );
    expect(seen).toHaveLength(2);
  });

  it('when the API server changes while a check runs, then that answer is dropped', async () => {
    const seen = serveCheck(async () => {
      await delay(400);
      return HttpResponse.json(ANSWER);
    });
    const { user } = await openConnectionStep();
    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());
    expect(await screen.findByText('Checking…')).toBeInTheDocument();

    await user.type(screen.getByLabelText('API server URL'), '0');
    await waitFor(() => expect(screen.queryByText('Checking…')).toBeNull());
    expect(checkButton()).toBeEnabled();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(screen.queryByRole('list', { name: 'Connection check results' })).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('when a check fails, then the failure and the skipped checks are said in words, without a time for what did not run', async () => {
    serveCheck(() =>
      HttpResponse.json({
        api_server: 'https://10.1.2.3:6443',
        address: null,
        checks: [
          {
            id: 'reachable',
            status: 'failed',
            message: 'Nothing accepts connections on 10.1.2.3:6443.',
            duration_ms: 4,
          },
          { id: 'tls', status: 'skipped', message: 'Skipped: not reachable.', duration_ms: 0 },
          // A status this console does not know is never shown as a pass.
          { id: 'version', status: 'perhaps', message: 'Unknown.', duration_ms: 0 },
        ],
        notes: [],
        duration_ms: 5,
      }),
    );
    const { user } = await openConnectionStep();
    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());
    const list = await screen.findByRole('list', { name: 'Connection check results' });
    expect(screen.getByText('A check failed: see below (5 ms).')).toBeInTheDocument();
    expect(screen.getByText('Checked https://10.1.2.3:6443.')).toBeInTheDocument();
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('✕Failed');
    expect(rows[0]).toHaveTextContent('4 ms');
    expect(rows[1]).toHaveTextContent('Skipped');
    expect(rows[1]).not.toHaveTextContent(/\d ms/);
    expect(rows[2]).toHaveTextContent('Skipped');
    expect(rows[2]).not.toHaveTextContent('OK');
    expect(screen.queryByText('Not used from the kubeconfig')).toBeNull();
  });

  it('when the server refuses a field, then its message is shown on that field’s name', async () => {
    serveCheck(() =>
      apiError(400, 'VALIDATION_FAILED', 'The API server URL must use https.', {
        api_server: 'The API server URL must use https (http:// is not allowed here).',
      }),
    );
    const { user } = await openConnectionStep();
    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The connection could not be checked');
    expect(alert).toHaveTextContent(
      'API server URL: The API server URL must use https (http:// is not allowed here).',
    );
    expect(checkButton()).toHaveTextContent('Check again');
  });

  it('when checks come too often, then it says how long to wait, in words', async () => {
    serveCheck(() =>
      apiError(429, 'RATE_LIMITED', 'Too many connection checks.', { retry_after_seconds: '60' }),
    );
    const { user } = await openConnectionStep();
    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many checks in a short time. Wait 60 seconds, then check again.',
    );
  });

  it('when the BFF answers with another error, then its message is shown', async () => {
    serveCheck(() => apiError(502, 'UPSTREAM_UNAVAILABLE', 'Something between us failed.'));
    const { user } = await openConnectionStep();
    pasteKubeconfig(kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() => expect(checkButton()).toBeEnabled());
    await user.click(checkButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Something between us failed.');
  });
});
