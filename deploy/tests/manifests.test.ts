import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, expect, it } from 'vitest';
import { OVERLAYS, render, type KubeObject } from './render-overlay';

/** The models of every kind the manifests may hold: any other kind fails the test. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
};

const find = (objects: KubeObject[], kind: string) =>
  objects.filter((object) => object.kind === kind);

function deploymentOf(objects: KubeObject[]) {
  const deployments = find(objects, 'Deployment');
  expect(deployments).toHaveLength(1);
  return new Deployment(deployments[0]);
}

function configOf(objects: KubeObject[]): Record<string, string> {
  const maps = find(objects, 'ConfigMap');
  expect(maps).toHaveLength(1);
  return (maps[0] as unknown as { data: Record<string, string> }).data;
}

const secretEnv = (container: IContainer, name: string) =>
  container.env?.find((variable) => variable.name === name)?.valueFrom?.secretKeyRef;

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = render(`overlays/${overlay}`);

  it('when rendered, then every object is a known kind that validates against the Kubernetes schema', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const Model = models[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${object.apiVersion} ${object.kind} has no model`).toBeDefined();
      expect(() => new Model!(object as never).validate()).not.toThrow();
      expect(object.metadata.namespace).toBeTruthy();
    }
  });

  it('when rendered, then no Secret is inlined: the secrets are references to the Secret the operator creates', () => {
    expect(find(objects, 'Secret')).toEqual([]);
    const text = JSON.stringify(objects);
    expect(text).not.toMatch(/cluster-console-local-secret/);
    const config = configOf(objects);
    for (const name of ['GITLAB_CLIENT_SECRET', 'SESSION_SECRET', 'REDIS_URL']) {
      expect(config).not.toHaveProperty(name);
    }
    const bff = deploymentOf(objects).spec!.template.spec!.containers.find(
      (c) => c.name === 'bff',
    )!;
    for (const name of ['GITLAB_CLIENT_SECRET', 'SESSION_SECRET']) {
      expect(secretEnv(bff, name)).toMatchObject({ name: 'cluster-console-secrets' });
      expect(bff.env?.find((variable) => variable.name === name)?.value).toBeUndefined();
    }
  });

  it('when rendered, then the Pod runs non-root, read-only, with the service-account token only where live status uses it, with probes and resources', () => {
    const deployment = deploymentOf(objects);
    const pod = deployment.spec!.template.spec!;
    // The token only where live status reads the management cluster in-cluster (management-cluster.test.ts).
    expect(pod.automountServiceAccountToken).toBe(overlay === 'production');
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.terminationGracePeriodSeconds ?? 30).toBeLessThanOrEqual(30);
    for (const container of pod.containers) {
      expect(container.securityContext, container.name).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      for (const bounds of [container.resources?.requests, container.resources?.limits]) {
        expect(Object.keys(bounds ?? {}).sort(), container.name).toEqual(['cpu', 'memory']);
      }
    }
    const bff = pod.containers.find((container) => container.name === 'bff')!;
    expect(bff.livenessProbe?.httpGet).toMatchObject({ path: '/healthz', port: 'http' });
    expect(bff.readinessProbe?.httpGet).toMatchObject({ path: '/readyz', port: 'http' });
    expect(bff.ports).toContainEqual(
      expect.objectContaining({ name: 'http', containerPort: 3000 }),
    );
    const config = configOf(objects);
    expect(config).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3000' });
    expect(bff.envFrom?.[0]?.configMapRef?.name).toBe(find(objects, 'ConfigMap')[0]?.metadata.name);
  });

  it('when rendered, then the Service selects the BFF Pods on the named port', () => {
    const [service] = find(objects, 'Service');
    const spec = new Service(service).spec!;
    const labels = deploymentOf(objects).spec!.template.metadata!.labels!;
    for (const [key, value] of Object.entries(spec.selector ?? {})) expect(labels[key]).toBe(value);
    expect(spec.ports?.[0]?.targetPort).toBe('http');
  });
});

describe('the production overlay', () => {
  const objects = render('overlays/production');

  it('when rendered, then two replicas share sessions in Redis, with a disruption budget and an Ingress', () => {
    const deployment = deploymentOf(objects);
    expect(deployment.spec?.replicas).toBe(2);
    const bff = deployment.spec!.template.spec!.containers[0]!;
    expect(secretEnv(bff, 'REDIS_URL')).toEqual({
      name: 'cluster-console-secrets',
      key: 'redis-url',
    });
    const [budget] = find(objects, 'PodDisruptionBudget');
    expect(budget).toBeDefined();
    expect(new PodDisruptionBudget(budget as never).spec?.minAvailable).toBe(1);
    const [ingress] = find(objects, 'Ingress');
    expect(ingress).toBeDefined();
  });

  it('when rendered, then the settings pass the production start check: https URLs and TRUST_PROXY', () => {
    const config = configOf(objects);
    for (const name of ['PUBLIC_URL', 'GITLAB_URL', 'CLUSTERS_API_URL']) {
      expect(config[name], name).toMatch(/^https:\/\//);
    }
    expect(config.TRUST_PROXY).toBe('1');
  });
});

describe('the demo overlay', () => {
  const objects = render('overlays/demo');

  it('when rendered, then one Pod runs the BFF with the embedded clusters API and local GitLab on loopback', () => {
    const deployment = deploymentOf(objects);
    expect(deployment.spec?.replicas).toBe(1);
    expect(deployment.spec?.strategy?.type).toBe('Recreate');
    const containers = deployment.spec!.template.spec!.containers;
    expect(containers.map((container) => container.name).sort()).toEqual([
      'bff',
      'clusters-api',
      'local-gitlab',
    ]);
    for (const container of containers) expect(container.image).toMatch(/^cluster-console-demo:/);
    // The local GitLab and the BFF share the client secret through the Secret, not its default.
    const gitlab = containers.find((container) => container.name === 'local-gitlab')!;
    expect(secretEnv(gitlab, 'CONSOLE_CLIENT_SECRET')).toEqual({
      name: 'cluster-console-secrets',
      key: 'gitlab-client-secret',
    });
    expect(find(objects, 'PodDisruptionBudget')).toEqual([]);
    expect(configOf(objects)).toMatchObject({
      PUBLIC_URL: 'http://127.0.0.1:3000',
      GITLAB_URL: 'http://127.0.0.1:8929',
      CLUSTERS_API_URL: 'http://127.0.0.1:8000',
    });
  });
});
