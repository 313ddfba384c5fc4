import { describe, expect, it } from 'vitest';
import { buildSaveBody, toSaveBody, toSaveBodyV04 } from './wizard-body';
import { defaultComponentsValues } from './wizard-components';
import { formFieldFor } from './wizard-field-paths';
import { EMPTY_WIZARD_VALUES, type WizardValues } from './wizard-form';
import { validateWizard } from './wizard-validation';

const KUBECONFIG = 'apiVersion: v1\nkind: Config\n';

function worker(overrides: Partial<WizardValues> = {}): WizardValues {
  return {
    ...EMPTY_WIZARD_VALUES,
    components: defaultComponentsValues(),
    profile: 'physical-worker',
    worker_type: 'pipeline',
    cluster_name: 'worker-a',
    kubeconfig: KUBECONFIG,
    api_server: 'https://10.1.2.3:6443',
    primary_domain: '10.1.2.3.nip.io',
    argocd_host: 'cd.example.com',
    tekton_host: 'ci.example.com',
    traefik: { http_node_port: '31080', https_node_port: '31443' },
    ...overrides,
  };
}

describe('wizard body per generation', () => {
  it('when the generation is v0.3, then the body is the v0.3 body, unchanged', () => {
    const values = worker();
    expect(buildSaveBody(values, 'v0.3')).toEqual(toSaveBody(values));
    expect(buildSaveBody(values, 'v0.3')).toEqual({
      api_server: 'https://10.1.2.3:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
      primary_domain: '10.1.2.3.nip.io',
      argocd_host: 'cd.example.com',
      tekton_host: 'ci.example.com',
      traefik: { http_node_port: '31080', https_node_port: '31443' },
      kubeconfig: 'apiVersion: v1\nkind: Config',
    });
  });

  it('when the generation is v0.4, then the hosts and ports go in components_list and no v0.3 field is sent', () => {
    const body = buildSaveBody(worker(), 'v0.4') as Record<string, unknown>;
    expect(body).not.toHaveProperty('argocd_host');
    expect(body).not.toHaveProperty('tekton_host');
    expect(body).not.toHaveProperty('traefik');
    expect(body.components_list).toEqual({
      multi_tenant: { name: 'hnc', namespace: 'hnc-system' },
      secret_sync: { name: 'external-secrets', namespace: 'external-secrets' },
      gateway: {
        name: 'traefik',
        namespace: 'traefik',
        additions: { httpNodePort: '31080', httpsNodePort: '31443' },
      },
      deployment: { name: 'argocd', namespace: 'argocd', additions: { host: 'cd.example.com' } },
      pipeline: {
        name: 'tekton',
        namespace: 'tekton-pipelines',
        additions: { host: 'ci.example.com' },
      },
      event_listener: { name: 'argo-events', namespace: 'argo-events' },
    });
  });

  it('when a component is edited, then the edit reaches the v0.4 body; categories the kind lacks are not sent', () => {
    const values = worker({ worker_type: 'deployment' });
    values.components.deployment = {
      name: 'argo-cd',
      namespace: 'gitops',
      additions: [{ key: 'version', value: '2.9' }],
    };
    values.components.pipeline.namespace = 'never-sent';
    const body = toSaveBodyV04(values);
    expect(body.components_list?.deployment).toEqual({
      name: 'argo-cd',
      namespace: 'gitops',
      additions: { version: '2.9', host: 'cd.example.com' },
    });
    expect(body.components_list).not.toHaveProperty('pipeline');
    expect(body.components_list).toHaveProperty('progressive_delivery');
  });

  it('when a virtual pipeline worker is sent to v0.4, then its gateway carries the Traefik ports', () => {
    const body = toSaveBodyV04(
      worker({ profile: 'virtual-worker', host_cluster: 'cluster-host', kubeconfig: '' }),
    );
    expect(body.components_list?.gateway?.additions).toEqual({
      httpNodePort: '31080',
      httpsNodePort: '31443',
    });
  });

  it('when map rows are filled, then both generations send the two maps', () => {
    const values = worker({
      reserved_namespaces: [{ namespace: 'argocd', products: 'p1, p2' }],
      cluster_resources: [
        { product: 'p1', kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' },
        { product: '', kind: '', group: '' },
      ],
    });
    for (const generation of ['v0.3', 'v0.4'] as const) {
      const body = buildSaveBody(values, generation);
      expect(body.reserved_namespaces_allowed_products).toEqual({ argocd: ['p1', 'p2'] });
      expect(body.product_allowed_cluster_resources).toEqual({
        p1: [{ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }],
      });
    }
  });
});

describe('wizard field paths', () => {
  it('when a v0.4 server names a components_list path, then it lands on the field the user typed in', () => {
    const values = worker();
    values.components.gateway.additions = [{ key: 'class', value: 'x' }];
    expect(formFieldFor('components_list.deployment.additions.host', values)).toBe('argocd_host');
    expect(formFieldFor('components_list.pipeline.additions.host', values)).toBe('tekton_host');
    expect(formFieldFor('components_list.gateway.additions.httpNodePort', values)).toBe(
      'traefik.http_node_port',
    );
    expect(formFieldFor('components_list.gateway.additions.httpsNodePort', values)).toBe(
      'traefik.https_node_port',
    );
    expect(formFieldFor('components_list.gateway.additions.class', values)).toBe(
      'components.gateway.additions.0.value',
    );
    expect(formFieldFor('components_list.multi_tenant.namespace', values)).toBe(
      'components.multi_tenant.namespace',
    );
  });

  it('when a map entry is named, then it lands on its row', () => {
    const values = worker({
      reserved_namespaces: [
        { namespace: 'argocd', products: 'p1' },
        { namespace: 'nope', products: 'p2' },
      ],
      cluster_resources: [
        { product: 'p1', kind: 'ClusterRole', group: 'rbac' },
        { product: 'p2', kind: '', group: 'rbac' },
      ],
    });
    expect(formFieldFor('reserved_namespaces_allowed_products.nope', values)).toBe(
      'reserved_namespaces.1.namespace',
    );
    expect(formFieldFor('reserved_namespaces_allowed_products.argocd.0', values)).toBe(
      'reserved_namespaces.0.products',
    );
    expect(formFieldFor('product_allowed_cluster_resources.p2.0.kind', values)).toBe(
      'cluster_resources.1.kind',
    );
  });
});

describe('wizard rules for v0.4', () => {
  it('when a reserved namespace is no component namespace, then the row says so', () => {
    const values = worker({ reserved_namespaces: [{ namespace: 'nope', products: 'p1' }] });
    const errors = validateWizard(values, { clusters: new Map(), generation: 'v0.4' });
    expect(errors['reserved_namespaces.0.namespace']).toMatch(
      /Reserved namespace "nope" is not the namespace of one of this cluster's components/,
    );
    const fine = worker({ reserved_namespaces: [{ namespace: 'vault', products: 'p1' }] });
    expect(
      validateWizard(fine, { clusters: new Map(), generation: 'v0.4' })[
        'reserved_namespaces.0.namespace'
      ],
    ).toBeUndefined();
  });

  it('when a registered physical cluster is updated against v0.4, then the kubeconfig is required again', () => {
    const clusters = new Map([
      [
        'worker-a',
        {
          name: 'worker-a',
          cluster_kind: 'kubernetes',
          cluster_type: 'physical',
          usage: 'worker',
          api_server: 'https://10.1.2.3:6443',
        } as const,
      ],
    ]);
    const values = worker({ kubeconfig: '' });
    expect(validateWizard(values, { clusters, generation: 'v0.3' }).kubeconfig).toBeUndefined();
    expect(validateWizard(values, { clusters, generation: 'v0.4' }).kubeconfig).toBeDefined();
  });
});
