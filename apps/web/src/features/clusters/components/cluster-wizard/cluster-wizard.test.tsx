import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../../testing/kubeconfigs';
import { apiError, hostCluster, server, serveConsole } from '../../../../testing/msw-server';
import { renderApp } from '../../../../testing/render-app';

/** The BFF's answer to "which Nautes API generation": v0.3 unless a test says otherwise. */
function serveGeneration(version: 'v0.3' | 'v0.4' | 'unknown', message = '') {
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({
        version,
        source: version === 'unknown' ? 'none' : 'configured',
        message,
      }),
    ),
  );
}

async function openWizard(
  clusters = [hostCluster],
  generation: 'v0.3' | 'v0.4' | 'unknown' = 'v0.3',
) {
  serveConsole(clusters);
  serveGeneration(generation);
  const app = renderApp('/clusters/new');
  // The first render loads the lazy route chunk: slow on a loaded machine.
  await screen.findByRole('heading', { name: /Step 1 of 4/ }, { timeout: 15_000 });
  return app;
}

function stepHeading() {
  return screen.getByRole('heading', { level: 2, name: /Step \d of 4/ });
}

/** Pasting is what users do; typing a whole kubeconfig key by key would only slow the test. */
function paste(element: HTMLElement, text: string) {
  fireEvent.change(element, { target: { value: text } });
}

describe('cluster wizard: step gating', () => {
  it('when Next is pressed with nothing chosen, then the first step stays and says what is missing', async () => {
    const { user } = await openWizard();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Choose what kind of cluster to register.')).toBeInTheDocument();
    expect(screen.getByText(/Enter a cluster name/)).toBeInTheDocument();
    expect(stepHeading()).toHaveTextContent('Step 1 of 4');
  });

  it('when the name is not a DNS label, then it is flagged as you type and Next does not move on', async () => {
    const { user } = await openWizard();
    await user.click(screen.getByLabelText(/Physical host cluster/));
    const name = screen.getByLabelText('Cluster name');
    await user.type(name, 'Cluster_1');
    expect(
      await screen.findByText(/Use only lowercase letters, digits and "-"/),
    ).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(stepHeading()).toHaveTextContent('Step 1 of 4');
    await user.clear(name);
    await user.type(name, 'cluster-1');
    await waitFor(() => expect(name).not.toHaveAttribute('aria-invalid'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 2 of 4'));
    expect(stepHeading()).toHaveTextContent('Connection');
  });

  it('when no host cluster exists, then the virtual choice is disabled with the reason', async () => {
    await openWizard([]);
    expect(await screen.findByText(/register a physical host cluster first/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Virtual worker cluster/)).toBeDisabled();
  });

  it('when the name exists, then the wizard says saving will update it', async () => {
    const { user } = await openWizard();
    await user.type(screen.getByLabelText('Cluster name'), 'cluster-host');
    expect(
      await screen.findByText(/exists \(Physical · Host\): saving will update it/),
    ).toBeInTheDocument();
  });

  it('when a worker is chosen without a worker type, then Next asks for it', async () => {
    const { user } = await openWizard();
    await user.click(screen.getByLabelText(/Physical worker cluster/));
    await user.type(screen.getByLabelText('Cluster name'), 'worker-1');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(/Choose the worker type of this worker cluster/),
    ).toBeInTheDocument();
    expect(stepHeading()).toHaveTextContent('Step 1 of 4');
  });
});

describe('cluster wizard: defaults follow the name and API server', () => {
  it('when the name changes, then the ArgoCD and Tekton hosts follow until edited by hand', async () => {
    const { user } = await openWizard();
    await user.click(screen.getByLabelText(/Physical worker cluster/));
    await user.click(screen.getByLabelText(/Pipeline/));
    await user.type(screen.getByLabelText('Cluster name'), 'worker-a');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });

    paste(screen.getByLabelText('Kubeconfig'), kubeconfig({ server: 'https://10.1.2.3:6443' }));
    await waitFor(() =>
      expect(screen.getByLabelText('API server URL')).toHaveValue('https://10.1.2.3:6443'),
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });

    expect(screen.getByLabelText(/Primary domain/)).toHaveValue('10.1.2.3.nip.io');
    expect(screen.getByLabelText(/ArgoCD host/)).toHaveValue('argocd.worker-a.10.1.2.3.nip.io');
    expect(screen.getByLabelText(/Tekton host/)).toHaveValue('tekton.worker-a.10.1.2.3.nip.io');
    expect(screen.getByLabelText('HTTP node port')).toHaveValue('30080');
    expect(screen.getByLabelText('HTTPS node port')).toHaveValue('30443');

    // Edit one by hand: it stops following; the other keeps following.
    const tekton = screen.getByLabelText(/Tekton host/);
    await user.clear(tekton);
    await user.type(tekton, 'ci.example.com');

    await user.click(screen.getByRole('button', { name: /What/ }));
    const name = await screen.findByLabelText('Cluster name');
    await user.clear(name);
    await user.type(name, 'worker-b');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });

    expect(screen.getByLabelText(/ArgoCD host/)).toHaveValue('argocd.worker-b.10.1.2.3.nip.io');
    expect(screen.getByLabelText(/Tekton host/)).toHaveValue('ci.example.com');
    await user.click(
      screen.getByRole('button', { name: 'Use the suggestion (tekton.worker-b.10.1.2.3.nip.io)' }),
    );
    expect(screen.getByLabelText(/Tekton host/)).toHaveValue('tekton.worker-b.10.1.2.3.nip.io');
    // A long journey: on a loaded machine it takes more than the default 20 s.
  }, 60_000);

  it('when a node port is outside 30000-32767, then a warning shows but the value is accepted', async () => {
    const { user } = await openWizard();
    await user.click(screen.getByLabelText(/Physical host cluster/));
    await user.type(screen.getByLabelText('Cluster name'), 'host-2');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });
    paste(screen.getByLabelText('Kubeconfig'), kubeconfig());
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });
    const https = screen.getByLabelText('HTTPS node port');
    await user.clear(https);
    await user.type(https, '443');
    expect(
      screen.getByText(/Outside Kubernetes' default NodePort range \(30000-32767\)/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: /Step 4 of 4/ })).toBeInTheDocument();
  });

  it('when a virtual cluster is registered, then the API server is derived from the host and the port', async () => {
    const { user } = await openWizard();
    await user.click(screen.getByLabelText(/Virtual worker cluster/));
    await user.click(screen.getByLabelText(/Deployment/));
    await user.type(screen.getByLabelText('Cluster name'), 'vc-1');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });
    await user.selectOptions(screen.getByLabelText('Host cluster'), 'cluster-host');
    await user.type(screen.getByLabelText('vcluster HTTPS node port'), '31456');
    expect(screen.getByLabelText('API server URL')).toHaveValue('https://8.217.50.114:31456');
  });
});

describe('cluster wizard: kubeconfig warnings', () => {
  async function toConnection() {
    const app = await openWizard();
    await app.user.click(screen.getByLabelText(/Physical host cluster/));
    await app.user.type(screen.getByLabelText('Cluster name'), 'host-k');
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });
    return app;
  }

  it('when the user runs an exec plugin, then the wizard says Nautes cannot run it', async () => {
    await toConnection();
    paste(
      screen.getByLabelText('Kubeconfig'),
      kubeconfig({
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: '/usr/local/bin/aws',
          },
        },
      }),
    );
    expect(
      await screen.findByText(
        /the Nautes server cannot run `aws`: use a token or certificate kubeconfig/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Exec plugin (aws)')).toBeInTheDocument();
  });

  it('when the server is loopback, then it warns and leaves the API server for the user to enter', async () => {
    await toConnection();
    paste(screen.getByLabelText('Kubeconfig'), kubeconfig({ server: 'https://127.0.0.1:6443' }));
    const warnings = await screen.findAllByText(
      /127\.0\.0\.1 is this cluster's own view: enter the address Nautes can reach/,
    );
    expect(warnings.length).toBeGreaterThan(0);
    expect(screen.getByLabelText('API server URL')).toHaveValue('');
  });

  it('when TLS verification is skipped, then it warns', async () => {
    await toConnection();
    paste(screen.getByLabelText('Kubeconfig'), kubeconfig({ insecure: true }));
    expect(await screen.findByText(/TLS verification is skipped/)).toBeInTheDocument();
    expect(screen.getByText('Not checked (insecure-skip-tls-verify)')).toBeInTheDocument();
  });

  it('when the file holds several contexts, then one is chosen and only it is sent', async () => {
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.post('/api/v1/clusters/:name', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ message: 'Successfully saved host-k cluster' });
      }),
    );
    const { user } = await toConnection();
    paste(screen.getByLabelText('Kubeconfig'), kubeconfig({ contexts: ['prod', 'staging'] }));
    const group = await screen.findByRole('group', {
      name: /Context to register \(2 in this file\)/,
    });
    expect(within(group).getByLabelText(/prod/)).toBeChecked();
    await user.click(within(group).getByLabelText(/staging/));
    expect(screen.getByLabelText('API server URL')).toHaveValue('https://10.9.9.1:6443');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 4 of 4/ });
    expect(
      screen.getByText(/"kubeconfig": "<redacted: \d+ bytes, context \\"staging\\">"/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await screen.findByRole('heading', { name: /Cluster host-k registered/ });
    const sentKubeconfig = String(sent?.kubeconfig);
    expect(sentKubeconfig).toContain('current-context: staging');
    expect(sentKubeconfig).not.toContain('prod');
  });

  it('when the text is not a kubeconfig, then Next says why', async () => {
    const { user } = await toConnection();
    paste(screen.getByLabelText('Kubeconfig'), 'just: [unclosed');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(stepHeading()).toHaveTextContent('Step 2 of 4');
    expect(screen.getByLabelText('Kubeconfig')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('cluster wizard: saving', () => {
  async function toReview() {
    const app = await openWizard();
    await app.user.click(screen.getByLabelText(/Physical host cluster/));
    await app.user.type(screen.getByLabelText('Cluster name'), 'host-s');
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 2 of 4/ });
    paste(screen.getByLabelText('Kubeconfig'), kubeconfig());
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: /Step 4 of 4/ });
    return app;
  }

  it('when reviewing, then the request hides the kubeconfig and the Cluster YAML is shown', async () => {
    await toReview();
    const request = screen.getByRole('region', { name: 'Request' }) as HTMLElement | null;
    expect(request ?? document.body).toBeTruthy();
    expect(document.body).toHaveTextContent('POST /api/v1/clusters/host-s');
    expect(document.body).not.toHaveTextContent('secret-token-value');
    expect(document.body).toHaveTextContent('kind: Cluster');
    expect(document.body).toHaveTextContent('nautes/overlays/production/clusters/host-s.yaml');
  });

  it('when the server rejects fields, then each error lands on its field, the wizard jumps there and keeps the input', async () => {
    server.use(
      http.post('/api/v1/clusters/:name', () =>
        apiError(400, 'VALIDATION_FAILED', 'The request has 2 invalid fields.', {
          'traefik.https_node_port': 'Port 30443 is already used by another cluster.',
          primary_domain: 'The domain is reserved.',
        }),
      ),
    );
    const { user } = await toReview();
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 3 of 4'));
    expect(screen.getByText('Port 30443 is already used by another cluster.')).toBeInTheDocument();
    expect(screen.getByText('The domain is reserved.')).toBeInTheDocument();
    expect(screen.getByLabelText('HTTPS node port')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('HTTPS node port')).toHaveValue('30443');
    expect(screen.getByLabelText(/Primary domain/)).toHaveValue('10.1.2.3.nip.io');
    await user.click(screen.getByRole('button', { name: /What/ }));
    expect(await screen.findByLabelText('Cluster name')).toHaveValue('host-s');
  });

  it('when the server refuses for another reason, then its message shows in one alert and nothing is lost', async () => {
    server.use(
      http.post('/api/v1/clusters/:name', () =>
        apiError(
          403,
          'NO_AUTHORIZATION',
          'developer may not push to main of nautes/tenant-config: ask a Maintainer.',
        ),
      ),
    );
    const { user } = await toReview();
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The cluster was not saved');
    expect(alert).toHaveTextContent(
      'developer may not push to main of nautes/tenant-config: ask a Maintainer.',
    );
    expect(stepHeading()).toHaveTextContent('Step 4 of 4');
    expect(screen.getByRole('button', { name: 'Save cluster' })).toBeEnabled();
  });

  it('when saved, then it says what happens next and links to the cluster', async () => {
    server.use(
      http.post('/api/v1/clusters/:name', () =>
        HttpResponse.json({ message: 'Successfully saved host-s cluster' }),
      ),
    );
    const { user } = await toReview();
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    expect(
      await screen.findByRole('heading', { name: /Cluster host-s registered/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/syncs the repository/)).toBeInTheDocument();
    expect(screen.getByText(/Traefik/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View host-s' })).toHaveAttribute(
      'href',
      '/clusters/host-s',
    );
  });

  it('when saved, then "registered" shows without waiting for the list to come back, and the list is asked for again', async () => {
    const { user, queryClient } = await toReview();
    let listRequests = 0;
    let answerList: () => void = () => undefined;
    server.use(
      http.post('/api/v1/clusters/:name', () => HttpResponse.json({ message: 'Saved' })),
      // The list after the save answers only when the test says so.
      http.get('/api/v1/clusters', async () => {
        listRequests += 1;
        await new Promise<void>((resolve) => (answerList = resolve));
        return HttpResponse.json({ items: [hostCluster] });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await screen.findByRole('heading', { name: /Cluster host-s registered/ });
    await waitFor(() => expect(listRequests).toBe(1));
    expect(queryClient.getQueryState(['clusters', 'list'])?.fetchStatus).toBe('fetching');
    answerList();
    await waitFor(() =>
      expect(queryClient.getQueryState(['clusters', 'list'])?.fetchStatus).toBe('idle'),
    );
  });

  it('when leaving with unsaved input, then the wizard asks first', async () => {
    const { user, router } = await openWizard();
    await user.type(screen.getByLabelText('Cluster name'), 'half-done');
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'Clusters',
      }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(router.state.location.pathname).toBe('/clusters/new');
    expect(screen.getByLabelText('Cluster name')).toHaveValue('half-done');
  });
});
