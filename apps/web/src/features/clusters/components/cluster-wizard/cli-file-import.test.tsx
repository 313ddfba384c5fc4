import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../testing/msw-server';
import { openWizard } from '../../../../testing/open-wizard';

const TWO_CLUSTERS = `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: cluster-host
  apiServer: https://8.217.50.114:6443
  clusterKind: kubernetes
  clusterType: physical
  usage: host
  traefik:
    httpNodePort: "31080"
    httpsNodePort: "31443"
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: vpipeline
  apiServer: https://8.217.50.114:31456
  clusterKind: kubernetes
  clusterType: virtual
  usage: worker
  workerType: pipeline
  hostCluster: cluster-host
  primaryDomain: pipeline.example.com
  vcluster:
    httpsNodePort: "31456"
  argocdHost: argocd.custom.example.com
  tektonHost: tekton.custom.example.com
  reservedNamespacesAllowedProducts:
    tekton:
    - product-a
`;

async function openImport() {
  const app = await openWizard();
  await app.user.click(screen.getByRole('button', { name: /Import a Nautes CLI file/ }));
  return app;
}

function pasteFile(text: string) {
  fireEvent.change(screen.getByLabelText('Nautes CLI file content'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Read the pasted text' }));
}

describe('cluster wizard: import a Nautes CLI file', () => {
  it('when the file holds two clusters, then the second is picked, the form filled and review shown', async () => {
    const { user } = await openImport();
    pasteFile(TWO_CLUSTERS);
    const list = await screen.findByRole('group', { name: /2 clusters in the pasted text/ });
    await user.click(within(list).getByLabelText(/vpipeline/));
    await user.click(screen.getByRole('button', { name: 'Fill the form from vpipeline' }));

    expect(
      await screen.findByRole('heading', { level: 2, name: /Step 4 of 4/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/filled from vpipeline in the pasted text/)).toBeInTheDocument();

    let sent: Record<string, unknown> | undefined;
    server.use(
      http.post('/api/v1/clusters/:name', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ message: 'saved' });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toMatchObject({
      api_server: 'https://8.217.50.114:31456',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: 'pipeline',
      host_cluster: 'cluster-host',
      primary_domain: 'pipeline.example.com',
      argocd_host: 'argocd.custom.example.com',
      tekton_host: 'tekton.custom.example.com',
      vcluster: { https_node_port: '31456' },
      reserved_namespaces_allowed_products: { tekton: ['product-a'] },
    });
  });

  it('when a document is bad YAML or of the wrong kind, then each says why and the good one can still be used', async () => {
    await openImport();
    pasteFile(
      [
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
        'spec: [unclosed\n',
        TWO_CLUSTERS.split('---\n')[0] ?? '',
      ].join('---\n'),
    );
    expect(await screen.findByText(/Document 1 \(line 1\) could not be used/)).toBeInTheDocument();
    expect(screen.getByText(/Document 2 .* could not be used/)).toBeInTheDocument();
    expect(screen.getAllByRole('alert').length).toBeGreaterThanOrEqual(2);
    expect(
      screen.getByRole('button', { name: 'Fill the form from cluster-host' }),
    ).toBeInTheDocument();
  });

  it('when the file is a YAML bomb, then it is refused with the reader’s message', async () => {
    await openImport();
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
      }),
    ].join('\n');
    pasteFile(bomb);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent).join(' ')).toMatch(/alias/i);
    expect(screen.queryByRole('button', { name: /Fill the form/ })).not.toBeInTheDocument();
  });

  it('when the file has 10,000 separators or a token in a broken document, then the refusal says why and shows no token', async () => {
    await openImport();
    pasteFile(`${TWO_CLUSTERS}${'---\n'.repeat(10_000)}`);
    expect(
      await screen.findByText(/The file has 10002 YAML documents; at most 100 clusters/),
    ).toBeInTheDocument();

    const token = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.DEADBEEF0123';
    pasteFile(
      `${TWO_CLUSTERS.split('---\n')[0] ?? ''}  kubeconfig: |${token}\n    apiVersion: v1\n`,
    );
    await screen.findByText(/Document 1 \(line 1\) could not be used/);
    // The alerts give the line, column and reason; the pasted text stays only in its box.
    const said = screen
      .getAllByRole('alert')
      .map((alert) => alert.textContent)
      .join(' ');
    expect(said).toMatch(/Document 1 is not valid YAML at line 12, column \d+: /);
    expect(said).not.toMatch(/eyJhbGci|DEADBEEF/);
  });

  it('when the form holds typed values, then filling it asks first and Cancel keeps them', async () => {
    const { user } = await openImport();
    await user.type(screen.getByLabelText('Cluster name'), 'typed-name');
    pasteFile(TWO_CLUSTERS.split('---\n')[0] ?? '');

    const dialog = await screen.findByRole('alertdialog', { name: 'Replace what you typed?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('Cluster name')).toHaveValue('typed-name');
    expect(screen.getByRole('heading', { level: 2, name: /Step 1 of 4/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fill the form from cluster-host' }));
    const again = await screen.findByRole('alertdialog', { name: 'Replace what you typed?' });
    await user.click(within(again).getByRole('button', { name: 'Replace' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: /Step 4 of 4/ }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /What/ }));
    expect(screen.getByLabelText('Cluster name')).toHaveValue('cluster-host');
  });
});
