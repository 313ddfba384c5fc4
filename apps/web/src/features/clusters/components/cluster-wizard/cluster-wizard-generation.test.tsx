import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import { kubeconfig } from '../../../../testing/kubeconfigs';
import { apiError, hostCluster, server, serveConsole } from '../../../../testing/msw-server';
import { renderApp } from '../../../../testing/render-app';

type Generation = 'v0.3' | 'v0.4' | 'unknown';

function serveGeneration(version: Generation, message = '') {
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

/** Captures the body of the next save. */
function captureSave() {
  const sent: { body?: Record<string, unknown> } = {};
  server.use(
    http.post('/api/v1/clusters/:name', async ({ request, params }) => {
      sent.body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ message: `Successfully saved ${String(params.name)} cluster` });
    }),
  );
  return sent;
}

async function openWizard(generation: Generation | null, clusters: Cluster[] = [hostCluster]) {
  serveConsole(clusters);
  if (generation !== null) serveGeneration(generation);
  const app = renderApp('/clusters/new');
  // The first render loads the lazy route chunk: slow on a loaded machine.
  await screen.findByRole('heading', { name: /Step 1 of 4/ }, { timeout: 15_000 });
  return app;
}

async function next(step: number) {
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: new RegExp(`Step ${step} of 4`) });
}

/** A physical worker up to the domains step. */
async function toDomains(
  user: ReturnType<typeof renderApp>['user'],
  { workerType = 'Pipeline', name = 'worker-a' } = {},
) {
  await user.click(screen.getByLabelText(/Physical worker cluster/));
  await user.click(screen.getByLabelText(new RegExp(workerType)));
  await user.type(screen.getByLabelText('Cluster name'), name);
  await next(2);
  fireEvent.change(screen.getByLabelText('Kubeconfig'), {
    target: { value: kubeconfig({ server: 'https://10.1.2.3:6443' }) },
  });
  await waitFor(() =>
    expect(screen.getByLabelText('API server URL')).toHaveValue('https://10.1.2.3:6443'),
  );
  await next(3);
}

async function openComponents(user: ReturnType<typeof renderApp>['user']) {
  const toggle = screen.getByRole('button', { name: 'Advanced: components' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

describe('cluster wizard against Nautes v0.4', () => {
  it('when the ArgoCD host and a component are changed, then both reach components_list and no v0.3 field is sent', async () => {
    const sent = captureSave();
    const { user } = await openWizard('v0.4');
    await toDomains(user);
    await openComponents(user);

    const deployment = screen.getByRole('group', { name: 'Deployment (deployment)' });
    expect(within(deployment).getByLabelText('Name')).toHaveValue('argocd');
    expect(within(deployment).getByLabelText('Addition host')).toHaveValue(
      'argocd.worker-a.10.1.2.3.nip.io',
    );
    // One source of truth: the domains field and the component's addition are the same value.
    const argocd = screen.getByLabelText(/ArgoCD host/);
    await user.clear(argocd);
    await user.type(argocd, 'cd.example.com');
    expect(within(deployment).getByLabelText('Addition host')).toHaveValue('cd.example.com');
    const gateway = screen.getByRole('group', { name: 'Gateway (gateway)' });
    const httpPort = within(gateway).getByLabelText('Addition httpNodePort');
    await user.clear(httpPort);
    await user.type(httpPort, '31080');
    expect(screen.getByLabelText('HTTP node port')).toHaveValue('31080');

    const namespace = within(deployment).getByLabelText('Namespace');
    await user.clear(namespace);
    await user.type(namespace, 'gitops');
    await user.click(within(deployment).getByRole('button', { name: /Add an addition/ }));
    await user.type(within(deployment).getByLabelText('Key'), 'version');
    await user.type(within(deployment).getByLabelText('Value'), '2.9');

    await next(4);
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await screen.findByRole('heading', { name: /Cluster worker-a registered/ });
    expect(sent.body).not.toHaveProperty('argocd_host');
    expect(sent.body).not.toHaveProperty('tekton_host');
    expect(sent.body).not.toHaveProperty('traefik');
    const list = sent.body?.components_list as Record<string, unknown>;
    expect(list.deployment).toEqual({
      name: 'argocd',
      namespace: 'gitops',
      additions: { version: '2.9', host: 'cd.example.com' },
    });
    expect(list.gateway).toEqual({
      name: 'traefik',
      namespace: 'traefik',
      additions: { httpNodePort: '31080', httpsNodePort: '30443' },
    });
    expect(list.pipeline).toEqual({
      name: 'tekton',
      namespace: 'tekton-pipelines',
      additions: { host: 'tekton.worker-a.10.1.2.3.nip.io' },
    });
  }, 60_000);

  it('when the worker type changes, then the category table applies and defaults come back', async () => {
    const { user } = await openWizard('v0.4');
    await toDomains(user);
    await openComponents(user);
    const pipeline = screen.getByRole('group', { name: 'Pipeline (pipeline)' });
    const namespace = within(pipeline).getByLabelText('Namespace');
    await user.clear(namespace);
    await user.type(namespace, 'ci');
    expect(screen.queryByRole('group', { name: /Progressive delivery/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /What/ }));
    await user.click(await screen.findByLabelText(/Deployment/));
    await next(2);
    await next(3);
    await openComponents(user);
    expect(screen.queryByRole('group', { name: 'Pipeline (pipeline)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /Event listener/ })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Progressive delivery/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /What/ }));
    await user.click(await screen.findByLabelText(/Pipeline/));
    await next(2);
    await next(3);
    await openComponents(user);
    const back = screen.getByRole('group', { name: 'Pipeline (pipeline)' });
    expect(within(back).getByLabelText('Namespace')).toHaveValue('tekton-pipelines');
  }, 60_000);

  it('when a reserved namespace is no component namespace, then the field says so before sending', async () => {
    const sent = captureSave();
    const { user } = await openWizard('v0.4');
    await toDomains(user);
    const toggle = screen.getByRole('button', {
      name: 'Advanced: reserved namespaces and cluster resources',
    });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Add a reserved namespace' }));
    const row = screen.getByRole('group', { name: 'Reserved namespace 1' });
    await user.type(within(row).getByLabelText('Namespace'), 'nope');
    await user.type(within(row).getByLabelText(/Allowed products/), 'p1');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(/Reserved namespace "nope" is not the namespace of one of this/),
    ).toBeInTheDocument();
    expect(within(row).getByLabelText('Namespace')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Step 3 of 4');
    expect(sent.body).toBeUndefined();
  });

  it('when reviewing, then the Cluster resource is the file v0.4 commits', async () => {
    const { user } = await openWizard('v0.4');
    await toDomains(user);
    await next(4);
    const yaml = screen.getByRole('region', { name: 'Cluster resource' });
    expect(yaml).toHaveTextContent('componentsList:');
    expect(yaml).toHaveTextContent('creationTimestamp: null');
    expect(yaml).toHaveTextContent('oauthProxy:');
    expect(yaml).not.toHaveTextContent('argocdHost');
    expect(screen.getByRole('region', { name: 'Request' })).toHaveTextContent('components_list');
  });

  it('when reviewing against v0.3, then the Cluster resource is the v0.3 file', async () => {
    const { user } = await openWizard('v0.3');
    await toDomains(user);
    expect(screen.queryByRole('button', { name: 'Advanced: components' })).not.toBeInTheDocument();
    await next(4);
    const yaml = screen.getByRole('region', { name: 'Cluster resource' });
    expect(yaml).toHaveTextContent('argocdHost: argocd.worker-a.10.1.2.3.nip.io');
    expect(yaml).not.toHaveTextContent('componentsList');
  });

  it('when the save fails with 500 and field metadata, then the message lands on the ArgoCD host field', async () => {
    server.use(
      http.post('/api/v1/clusters/:name', () =>
        apiError(500, '', 'failed to validate save request', {
          'components_list.deployment.additions.host': 'host argocd.bad is already taken',
        }),
      ),
    );
    const { user } = await openWizard('v0.4');
    await toDomains(user);
    await next(4);
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await screen.findByRole('heading', { name: /Step 3 of 4/ });
    expect(screen.getByText('host argocd.bad is already taken')).toBeInTheDocument();
    expect(screen.getByLabelText(/ArgoCD host/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('when a registered physical cluster is updated, then the wizard asks for the kubeconfig again', async () => {
    const { user } = await openWizard('v0.4');
    await user.click(screen.getByLabelText(/Physical host cluster/));
    await user.type(screen.getByLabelText('Cluster name'), 'cluster-host');
    await next(2);
    expect(screen.getByText('The kubeconfig is needed again')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Kubeconfig')).toHaveAttribute('aria-invalid', 'true'),
    );
  });
});

describe('cluster wizard when the generation is unknown', () => {
  it('when the BFF cannot tell, then its message and a choice show, and Save waits for the choice', async () => {
    const sent = captureSave();
    serveGeneration('unknown', 'NAUTES_API_VERSION is not set and the server did not say.');
    const { user } = await openWizard(null);
    await screen.findByRole('group', { name: 'Nautes API generation' });
    expect(
      screen.getByText('NAUTES_API_VERSION is not set and the server did not say.'),
    ).toBeInTheDocument();
    await toDomains(user);
    await next(4);
    expect(screen.getByRole('button', { name: 'Save cluster' })).toBeDisabled();
    await user.click(
      within(screen.getByRole('group', { name: 'Nautes API generation' })).getByLabelText(/v0\.4/),
    );
    const save = screen.getByRole('button', { name: 'Save cluster' });
    expect(save).toBeEnabled();
    await user.click(save);
    await screen.findByRole('heading', { name: /Cluster worker-a registered/ });
    expect(sent.body).toHaveProperty('components_list');
    expect(sent.body).not.toHaveProperty('argocd_host');
  });

  it('when the generation route answers 404, then the choice shows and typing works', async () => {
    server.use(
      http.get('/api/console/nautes-api', () => apiError(404, 'NOT_FOUND', 'No such route.')),
    );
    const { user } = await openWizard(null);
    expect(await screen.findByRole('group', { name: 'Nautes API generation' })).toBeInTheDocument();
    expect(screen.getByText('No such route.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Cluster name'), 'typed');
    expect(screen.getByLabelText('Cluster name')).toHaveValue('typed');
  });
});
