import { describe, expect, it } from 'vitest';
import { render, type KubeObject } from './render-overlay';

/**
 * Live status reads the tenant management cluster with the console's ServiceAccount: read-only
 * Roles in the tenant namespace (Cluster resources) and in argocd (the Application), bound to
 * the account in the console's namespace; its token mounted only where it is used.
 */
interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
type Rbac = KubeObject & {
  rules?: Rule[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
};
type PodSpec = { serviceAccountName?: string; automountServiceAccountToken?: boolean };

const of = (objects: KubeObject[], kind: string) =>
  objects.filter((object) => object.kind === kind) as Rbac[];
const podSpec = (objects: KubeObject[]) =>
  (of(objects, 'Deployment')[0] as unknown as { spec: { template: { spec: PodSpec } } }).spec
    .template.spec;
const config = (objects: KubeObject[]) =>
  (of(objects, 'ConfigMap')[0] as unknown as { data: Record<string, string> }).data;

describe('the production overlay (the console in the management cluster)', () => {
  const objects = render('overlays/production');

  it('when rendered, then a Role in nautes may only get, list and watch clusters, and one in argocd only applications', () => {
    const roles = of(objects, 'Role').map((role) => [role.metadata.namespace, role.rules]);
    expect(roles).toEqual(
      expect.arrayContaining([
        [
          'nautes',
          [
            {
              apiGroups: ['nautes.resource.nautes.io'],
              resources: ['clusters'],
              verbs: ['get', 'list', 'watch'],
            },
          ],
        ],
        [
          'argocd',
          [
            {
              apiGroups: ['argoproj.io'],
              resources: ['applications'],
              verbs: ['get', 'list', 'watch'],
            },
          ],
        ],
      ]),
    );
    expect(roles).toHaveLength(2);
  });

  it('when rendered, then each Role is bound in its namespace to the console’s ServiceAccount in the console’s namespace', () => {
    const [account] = of(objects, 'ServiceAccount');
    expect(account?.metadata).toEqual({
      name: 'cluster-console',
      namespace: 'cluster-console',
      labels: expect.any(Object) as object,
    });
    const bindings = of(objects, 'RoleBinding');
    expect(bindings.map((binding) => binding.metadata.namespace).sort()).toEqual([
      'argocd',
      'nautes',
    ]);
    for (const binding of bindings) {
      expect(binding.roleRef).toMatchObject({ kind: 'Role', name: 'cluster-console-status' });
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: 'cluster-console', namespace: 'cluster-console' },
      ]);
    }
  });

  it('when rendered, then the Pod runs as that account with its token mounted, and reads the management cluster in-cluster', () => {
    expect(podSpec(objects)).toMatchObject({
      serviceAccountName: 'cluster-console',
      automountServiceAccountToken: true,
    });
    expect(config(objects)).toMatchObject({
      MANAGEMENT_CLUSTER: 'in-cluster',
      MANAGEMENT_NAMESPACE: 'nautes',
      ARGOCD_APPLICATION: expect.any(String) as string,
    });
  });
});

describe('the base and the demo (no management cluster)', () => {
  it.each(['base', 'overlays/demo'])(
    'when %s is rendered, then the account’s token is not mounted and no management cluster is set',
    (target) => {
      const objects = render(target);
      expect(podSpec(objects).automountServiceAccountToken).toBe(false);
      expect(of(objects, 'ServiceAccount')[0]).toMatchObject({
        automountServiceAccountToken: false,
      });
      expect(config(objects)).not.toHaveProperty('MANAGEMENT_CLUSTER');
      expect(config(objects)).not.toHaveProperty('MANAGEMENT_KUBECONFIG');
    },
  );

  it('when the demo is rendered, then it has no Roles in namespaces a demo cluster may lack', () => {
    const objects = render('overlays/demo');
    expect(of(objects, 'Role')).toEqual([]);
    expect(of(objects, 'RoleBinding')).toEqual([]);
  });
});
