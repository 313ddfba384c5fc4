import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kubeconfig } from '../../testing/kubeconfigs';
import { apiError, hostCluster, server, serveConsole } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';

beforeEach(() => {
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'server', message: '' }),
    ),
  );
});
afterEach(() => vi.restoreAllMocks());

const stepHeading = () => screen.getByRole('heading', { level: 2, name: /Step \d of 4/ });
const SECRET = 'draft-secret-token';

/** A physical worker filled in up to the review step, the kubeconfig pasted. */
async function fillToReview() {
  serveConsole([hostCluster]);
  const app = renderApp('/clusters/new');
  await screen.findByRole('heading', { name: /Step 1 of 4/ }, { timeout: 15_000 });
  const { user } = app;
  await user.click(screen.getByLabelText(/Physical worker cluster/));
  await user.click(screen.getByLabelText(/^Pipeline/));
  await user.type(screen.getByLabelText('Cluster name'), 'draft-worker');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 2 of 4'));
  fireEvent.change(screen.getByLabelText('Kubeconfig', { exact: true }), {
    target: { value: kubeconfig({ server: 'https://10.1.2.3:6443', user: { token: SECRET } }) },
  });
  await waitFor(() =>
    expect(screen.getByLabelText('API server URL')).toHaveValue('https://10.1.2.3:6443'),
  );
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 3 of 4'));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 4 of 4'));
  return app;
}

function signedInMessage(origin = window.location.origin) {
  window.dispatchEvent(
    new MessageEvent('message', { data: { type: 'cluster-console:signed-in' }, origin }),
  );
}

describe('a session that ends while the wizard holds a draft', () => {
  it('when Save answers 401, then the wizard stays on its step with its values, says why, and saves after signing in again in another window', async () => {
    const { user, navigation } = await fillToReview();
    let bodies: unknown[] = [];
    server.use(
      http.post('/api/v1/clusters/draft-worker', () =>
        apiError(401, 'UNAUTHENTICATED', 'Your session has ended.'),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));

    const alert = await screen.findByText(
      'Your session ended. Sign in again to continue; what you typed is kept.',
    );
    expect(stepHeading()).toHaveTextContent('Step 4 of 4');
    expect(screen.queryByText('The cluster was not saved')).not.toBeInTheDocument();
    expect(navigation.toLogin).not.toHaveBeenCalled();
    expect(navigation.toSignInPage).not.toHaveBeenCalled();

    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    const region = alert.closest('.session-ended') as HTMLElement;
    await user.click(within(region).getByRole('button', { name: 'Sign in again' }));
    expect(open).toHaveBeenCalledWith(
      '/auth/login?returnTo=%2Fsigned-in',
      'cluster-console-sign-in',
      expect.stringContaining('popup'),
    );

    // A message from another origin changes nothing.
    signedInMessage('https://evil.example');
    expect(screen.getByText(/Your session ended\./)).toBeInTheDocument();

    bodies = [];
    server.use(
      http.post('/api/v1/clusters/draft-worker', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ message: 'saved' });
      }),
    );
    signedInMessage();
    await waitFor(() => expect(screen.queryByText(/Your session ended\./)).not.toBeInTheDocument());
    expect(stepHeading()).toHaveTextContent('Step 4 of 4');
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    expect(
      await screen.findByRole('heading', { name: /Cluster draft-worker registered/ }),
    ).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      api_server: 'https://10.1.2.3:6443',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
    });
    expect(JSON.stringify(bodies[0])).toContain(SECRET);
    // Nothing of the draft was put anywhere but memory.
    expect(window.sessionStorage.length).toBe(0);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain(SECRET);
    expect(window.location.href).not.toContain(SECRET);
  });

  it('when the sign-in window is blocked, then a link opens the sign-in in a new tab and "check again" picks up the new session', async () => {
    const { user } = await fillToReview();
    server.use(
      http.post('/api/v1/clusters/draft-worker', () =>
        apiError(401, 'UNAUTHENTICATED', 'Your session has ended.'),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await screen.findByText(/Your session ended\./);
    vi.spyOn(window, 'open').mockReturnValue(null);
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(screen.getByText('Your browser blocked the sign-in window.')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Open the sign-in in a new tab' });
    expect(link).toHaveAttribute('href', '/auth/login?returnTo=%2Fsigned-in');
    expect(link).toHaveAttribute('target', '_blank');

    server.use(http.get('/auth/session', () => apiError(401, 'UNAUTHENTICATED', 'Sign in.')));
    await user.click(screen.getByRole('button', { name: 'I have signed in: check again' }));
    expect(await screen.findByText(/You are not signed in yet/)).toBeInTheDocument();
    expect(stepHeading()).toHaveTextContent('Step 4 of 4');

    server.use(
      http.get('/auth/session', () =>
        HttpResponse.json({ user: { username: 'maintainer', name: 'M' } }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'I have signed in: check again' }));
    await waitFor(() => expect(screen.queryByText(/Your session ended\./)).not.toBeInTheDocument());
    expect(stepHeading()).toHaveTextContent('Step 4 of 4');
    expect(screen.getByRole('button', { name: 'Save cluster' })).toBeEnabled();
  });

  it('when a call answers 401 on a page without unsaved work, then the user is sent through sign-in as before', async () => {
    serveConsole([hostCluster]);
    server.use(
      http.get('/api/v1/clusters', () => apiError(401, 'UNAUTHENTICATED', 'Session ended.')),
    );
    const { navigation } = renderApp('/clusters');
    await waitFor(() => expect(navigation.toLogin).toHaveBeenCalled(), { timeout: 10_000 });
  });
});

describe('a session that ends on the detail page', () => {
  it('when the delete answers 401, then the dialog stays open with the typed name and says why; the page offers Edit', async () => {
    serveConsole([hostCluster]);
    server.use(
      http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)),
      http.delete('/api/v1/clusters/cluster-host', () =>
        apiError(401, 'UNAUTHENTICATED', 'Your session has ended.'),
      ),
    );
    const { user, navigation } = renderApp('/clusters/cluster-host');
    await screen.findByRole('heading', { level: 1, name: 'cluster-host' }, { timeout: 15_000 });
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/clusters/cluster-host/edit',
    );
    await user.click(screen.getByRole('button', { name: 'Delete cluster' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete cluster cluster-host?' });
    const confirm = within(dialog).getByLabelText(/Type cluster-host to confirm/);
    await user.type(confirm, 'cluster-host');
    await user.click(within(dialog).getByRole('button', { name: 'Delete cluster' }));
    expect(await within(dialog).findByText(/Your session ended\./)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
    expect(confirm).toHaveValue('cluster-host');
    expect(navigation.toLogin).not.toHaveBeenCalled();
  });
});

describe('the sign-in window', () => {
  it('when it lands on /signed-in, then it tells the console over its channel and closes', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const received: unknown[] = [];
    const channel = new BroadcastChannel('cluster-console-session');
    channel.onmessage = (event: MessageEvent) => received.push(event.data);
    renderApp('/signed-in');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Signed in again' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(received).toContainEqual({ type: 'cluster-console:signed-in' }));
    expect(close).toHaveBeenCalled();
    channel.close();
  });
});
