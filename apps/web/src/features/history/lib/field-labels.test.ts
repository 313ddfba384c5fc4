import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadTextPart } from '../../../lib/i18n';
import { fieldLabel } from './field-labels';

describe('field labels', () => {
  beforeAll(() => loadTextPart('history'));

  it.each([
    ['spec.componentsList.deployment.additions.host', 'ArgoCD host'],
    ['spec.argocdHost', 'ArgoCD host'],
    ['spec.traefik.httpNodePort', 'Traefik HTTP node port'],
    ['spec.componentsList.gateway.additions.httpsNodePort', 'Traefik HTTPS node port'],
    ['spec.apiServer', 'API server'],
    ['spec.componentsList.secretSync.namespace', 'Secret sync namespace'],
    [
      'spec.reservedNamespacesAllowedProducts.argocd[1]',
      'Products allowed in reserved namespace argocd',
    ],
    ['spec.productAllowedClusterResources.p1[0].kind', 'Cluster resource kind allowed to p1'],
    ['spec.componentsList.unknownThing.name', 'spec.componentsList.unknownThing.name'],
    ['spec.somethingNew', 'spec.somethingNew'],
  ])('when the path is %s, then the label is "%s"', (path, label) => {
    expect(fieldLabel(i18n.t, path)).toBe(label);
  });
});
