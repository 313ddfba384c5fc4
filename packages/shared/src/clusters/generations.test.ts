import { describe, expect, it } from 'vitest';
import { seedRequest, SEED_REQUEST_FILES } from '../../tests/fixtures';
import {
  clusterResourceToYaml,
  parseClusterResourceYaml,
  fromClusterResource,
} from './cluster-resource';
import { toClusterResourceV04 } from './cluster-resource-v04';
import {
  clusterReplyV03,
  clusterReplyV04,
  readClusterReply,
  v03BodyToV04,
  v04BodyToV03,
} from './generations';
import type { SaveClusterBody } from './save-body.schema';
import {
  applyDefaultsV04,
  validateSaveBodyV04,
  validateSaveRequestV04,
} from './save-body-v04.schema';

const MAPPING = [
  [
    'argocd_host',
    { argocd_host: 'argocd.custom.example.com' },
    { deployment: { additions: { host: 'argocd.custom.example.com' } } },
  ],
  [
    'tekton_host',
    { tekton_host: 'tekton.custom.example.com' },
    { pipeline: { additions: { host: 'tekton.custom.example.com' } } },
  ],
  [
    'traefik.http_node_port',
    { traefik: { http_node_port: '31080' } },
    { gateway: { additions: { httpNodePort: '31080' } } },
  ],
  [
    'traefik.https_node_port',
    { traefik: { https_node_port: '31443' } },
    { gateway: { additions: { httpsNodePort: '31443' } } },
  ],
] as const;

const base: SaveClusterBody = {
  api_server: 'https://8.217.50.114:6443',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  worker_type: 'pipeline',
};

describe('the v0.3 <-> v0.4 mapping', () => {
  it.each(MAPPING)(
    'when %s goes v0.3 -> v0.4, then it lands in its component',
    (_field, v03, v04) => {
      const mapped = v03BodyToV04({ ...base, ...v03 });
      expect(mapped.components_list).toEqual(v04);
      expect(mapped).not.toHaveProperty('argocd_host');
      expect(mapped).not.toHaveProperty('traefik');
    },
  );

  it.each(MAPPING)('when %s goes v0.4 -> v0.3, then it comes back', (_field, v03, v04) => {
    expect(v04BodyToV03({ ...base, components_list: v04 })).toEqual({ ...base, ...v03 });
  });

  it.each(SEED_REQUEST_FILES)(
    'when the seed %s is mapped to v0.4, then it is a valid v0.4 body and maps back',
    (file) => {
      const seed = seedRequest(file) as SaveClusterBody;
      const v04 = v03BodyToV04(seed);
      const result = validateSaveBodyV04(v04);
      expect(result.ok).toBe(true);
      expect(v04BodyToV03(v04)).toEqual(seed);
    },
  );
});

describe('validateSaveBodyV04', () => {
  it('when a component addition is wrong, then the error is on its exact path', () => {
    const result = validateSaveRequestV04(
      'w',
      {
        ...base,
        kubeconfig: undefined,
        components_list: {
          gateway: { additions: { httpsNodePort: '99999' } },
          deployment: { additions: { host: 'Bad_Host' } },
        },
      },
      { kubeconfigOptional: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual([
      'components_list.deployment.additions.host',
      'components_list.gateway.additions.httpsNodePort',
    ]);
  });

  it('when a reserved namespace is not a component namespace, then it is refused on that key', () => {
    const result = validateSaveBodyV04(
      { ...base, reserved_namespaces_allowed_products: { nope: ['p'], argocd: ['p'] } },
      { kubeconfigOptional: true },
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.fieldErrors)).toEqual([
        'reserved_namespaces_allowed_products.nope',
      ]);
  });
});

describe('the v0.4 Cluster resource', () => {
  it('when the physical pipeline worker of the contract is saved, then the file is the contract example', () => {
    const body = applyDefaultsV04('physical-worker-pipeline', { ...base });
    const yaml = clusterResourceToYaml(toClusterResourceV04('physical-worker-pipeline', body));
    expect(yaml).toBe(`apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
metadata:
  creationTimestamp: null
  name: physical-worker-pipeline
  namespace: nautes
spec:
  apiServer: https://8.217.50.114:6443
  clusterKind: kubernetes
  clusterType: physical
  componentsList:
    deployment:
      additions:
        host: argocd.physical-worker-pipeline.8.217.50.114.nip.io
      name: argocd
      namespace: argocd
    eventListener:
      name: argo-events
      namespace: argo-events
    gateway:
      additions:
        httpNodePort: "30080"
        httpsNodePort: "30443"
      name: traefik
      namespace: traefik
    multiTenant:
      name: hnc
      namespace: hnc-system
    oauthProxy:
      name: oauth2-proxy
      namespace: oauth2-proxy
    pipeline:
      additions:
        host: tekton.physical-worker-pipeline.8.217.50.114.nip.io
      name: tekton
      namespace: tekton-pipelines
    secretManagement:
      name: vault
      namespace: vault
    secretSync:
      name: external-secrets
      namespace: external-secrets
  primaryDomain: 8.217.50.114.nip.io
  usage: worker
  workerType: pipeline
status: {}
`);
  });

  it('when the file is read back, then the replies of both generations hold the user values', () => {
    const body = applyDefaultsV04(
      'w',
      v03BodyToV04({ ...base, argocd_host: 'argocd.custom.example.com' }),
    );
    const cluster = fromClusterResource(
      parseClusterResourceYaml(clusterResourceToYaml(toClusterResourceV04('w', body))),
    );
    const v04 = clusterReplyV04(cluster);
    expect(v04).not.toHaveProperty('argocd_host');
    expect((v04.components_list as Record<string, unknown>).deployment).toEqual({
      name: 'argocd',
      namespace: 'argocd',
      additions: { host: 'argocd.custom.example.com' },
    });
    expect(clusterReplyV03(cluster).argocd_host).toBe('argocd.custom.example.com');
    const view = readClusterReply(cluster);
    expect(view.generation).toBe('v0.4');
    expect(view.argocd_host).toBe('argocd.custom.example.com');
    expect(view.traefik).toEqual({ http_node_port: '30080', https_node_port: '30443' });
  });
});
