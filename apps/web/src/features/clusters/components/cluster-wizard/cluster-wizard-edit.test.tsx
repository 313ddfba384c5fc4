import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@cluster-console/shared';
import { apiError, hostCluster, server, serveConsole } from '../../../../testing/msw-server';
import { renderApp } from '../../../../testing/render-app';

const worker: Cluster = {
  name: 'edit-worker',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  worker_type: 'pipeline',
  api_server: 'https://10.0.0.5:6443',
  primary_domain: '10.0.0.5.nip.io',
  argocd_host: 'argocd.edit-worker.10.0.0.5.nip.io',
  tekton_host: 'tekton.edit-worker.10.0.0.5.nip.io',
  traefik: { http_node_port: '31080', https_node_port: '31443' },
  reserved_namespaces_allowed_products: { argocd: ['p1', 'p2'] },
  product_allowed_cluster_resources: {
    p1: [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
  },
};

/** The same worker as a v0.4 server answers it: components instead of hosts and ports. */
const workerV04 = {
  name: 'edit-worker',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  host_cluster: '',
  primary_domain: '10.0.0.5.nip.io',
  worker_type: 'pipeline',
  api_server: 'https://10.0.0.5:6443',
  components_list: {
    multi_tenant: { name: 'hnc', namespace: 'hnc-system', additions: null },
    secret_sync: { name: 'external-secrets', namespace: 'external-secrets', additions: null },
    gateway: {
      name: 'traefik',
      namespace: 'traefik',
      additions: { httpNodePort: '31080', httpsNodePort: '31443' },
    },
    deployment: {
      name: 'argocd-custom',
      namespace: 'argocd-ns',
      additions: { host: 'argocd.edit-worker.10.0.0.5.nip.io', extra: 'yes' },
    },
    progressive_delivery: null,
    pipeline: {
      name: 'tekton',
      namespace: 'tekton-pipelines',
      additions: { host: 'tekton.edit-worker.10.0.0.5.nip.io' },
    },
    event_listener: null,
  },
  reserved_namespaces_allowed_products: { 'argocd-ns': ['p1'] },
  product_allowed_cluster_resources: {},
};

const carryingHost: Cluster = { ...hostCluster, name: 'v04-host' };
const carriedVirtual: Cluster = {
  name: 'v04-virtual',
  cluster_kind: 'kubernetes',
  cluster_type: 'virtual',
  usage: 'worker',
  worker_type: 'deployment',
  host_cluster: 'v04-host',
  api_server: 'https://8.217.50.114:31456',
};

async function openEdit(
  name: string,
  reply: object,
  list: Cluster[],
  generation: 'v0.3' | 'v0.4' = 'v0.3',
) {
  serveConsole(list);
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: generation, source: 'configured', message: '' }),
    ),
    http.get(`/api/v1/clusters/${name}`, () => HttpResponse.json(reply)),
  );
  const app = renderApp(`/clusters/${name}/edit`);
  await screen.findByRole('heading', { name: /Step 4 of 4/ }, { timeout: 15_000 });
  // The review shows once its YAML code has downloaded.
  await screen.findByRole('region', { name: 'Request' }, { timeout: 15_000 });
  return app;
}

const stepHeading = () => screen.getByRole('heading', { level: 2, name: /Step \d of 4/ });

describe('edit a registered cluster', () => {
  it('when a v0.3 cluster is edited, then the review shows every field it had, the ArgoCD host is changed and the same POST updates it without a kubeconfig', async () => {
    const { user } = await openEdit('edit-worker', worker, [hostCluster, worker]);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Edit cluster edit-worker' }),
    ).toBeVisible();
    const request = screen.getByRole('region', { name: 'Request' });
    for (const text of [
      '"argocd_host": "argocd.edit-worker.10.0.0.5.nip.io"',
      '"tekton_host": "tekton.edit-worker.10.0.0.5.nip.io"',
      '"http_node_port": "31080"',
      '"https_node_port": "31443"',
      '"p2"',
      '"kind": "ClusterRole"',
    ]) {
      expect(request).toHaveTextContent(text);
    }
    expect(screen.getByText('Not sent: the stored one is kept')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 3 of 4'));
    const argocd = screen.getByLabelText(/ArgoCD host/);
    await user.clear(argocd);
    await user.type(argocd, 'argo.example.com');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 4 of 4'));

    const bodies: Record<string, unknown>[] = [];
    server.use(
      http.post('/api/v1/clusters/edit-worker', async ({ request: sent }) => {
        bodies.push((await sent.json()) as Record<string, unknown>);
        return HttpResponse.json({ message: 'updated' });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Update cluster' }));
    expect(
      await screen.findByRole('heading', { name: /Cluster edit-worker updated/ }),
    ).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({
      api_server: 'https://10.0.0.5:6443',
      argocd_host: 'argo.example.com',
      tekton_host: 'tekton.edit-worker.10.0.0.5.nip.io',
      traefik: { http_node_port: '31080', https_node_port: '31443' },
      reserved_namespaces_allowed_products: { argocd: ['p1', 'p2'] },
    });
    expect(bodies[0]).not.toHaveProperty('kubeconfig');
  });

  it('when a v0.4 reply is edited, then its components (names, namespaces, additions) and maps are kept, and the kubeconfig is asked for again', async () => {
    const { user } = await openEdit('edit-worker', workerV04, [hostCluster, worker], 'v0.4');
    const request = screen.getByRole('region', { name: 'Request' });
    await waitFor(() => expect(request).toHaveTextContent('"name": "argocd-custom"'));
    for (const text of [
      '"namespace": "argocd-ns"',
      '"extra": "yes"',
      '"httpNodePort": "31080"',
      '"host": "tekton.edit-worker.10.0.0.5.nip.io"',
      '"argocd-ns"',
    ]) {
      expect(request).toHaveTextContent(text);
    }
    expect(request).not.toHaveTextContent('argocd_host');
    expect(
      screen.getByText('Needed again: this Nautes API (v0.4) requires it on every save'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Update cluster' }));
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 2 of 4'));
    expect(screen.getByText('The kubeconfig is needed again')).toBeInTheDocument();
  });

  it('when the host carries a virtual cluster, then its kind is locked with the reason, the name is fixed, and a refusal from the server is shown', async () => {
    const { user } = await openEdit('v04-host', carryingHost, [carryingHost, carriedVirtual]);
    await user.click(screen.getByRole('button', { name: /^What/ }));
    await waitFor(() => expect(stepHeading()).toHaveTextContent('Step 1 of 4'));
    const reason =
      'v04-host carries virtual clusters v04-virtual: its type, usage, host cluster, worker type and cluster kind cannot change while they depend on it.';
    expect(screen.getByText(reason)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Physical host cluster/)).toBeChecked();
    expect(screen.getByLabelText(/^Physical worker cluster/)).toBeDisabled();
    expect(screen.getByLabelText(/^Virtual worker cluster/)).toBeDisabled();
    const kind = screen.getByRole('group', { name: 'Kind of cluster' });
    expect(kind).toHaveAccessibleDescription(expect.stringContaining('v04-virtual'));
    expect(screen.getByLabelText('Cluster name')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Cluster name')).toHaveValue('v04-host');

    server.use(
      http.post('/api/v1/clusters/v04-host', () =>
        apiError(
          500,
          '',
          'cluster referenced by [v04-virtual], modifying [cluster kind, cluster type, usage, host cluster, worker type] is not allowed',
        ),
      ),
    );
    for (let step = 1; step < 4; step += 1) {
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(stepHeading()).toHaveTextContent(`Step ${step + 1} of 4`));
    }
    await user.click(screen.getByRole('button', { name: 'Update cluster' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The cluster was not saved')).toBeInTheDocument();
  });
});
