import { describe, expect, it } from 'vitest';
import { projectClusterResource } from './project-resource';
import { digestClusterResource } from './resource-digest';

const AT = '2026-12-07T10:04:30Z';
const SPEC = { apiServer: 'https://203.0.113.10:6443', clusterType: 'physical', usage: 'worker' };
const success = { lastSuccessSpec: JSON.stringify(SPEC), lastSuccessTime: AT };

/** A ready Cluster resource as Nautes' operators leave it, with entry points and messages. */
function readyView(name: string) {
  const view = projectClusterResource({
    metadata: { name, namespace: 'nautes', resourceVersion: '123456', creationTimestamp: AT },
    spec: SPEC,
    status: {
      conditions: [
        {
          type: 'SecretStoreReady',
          status: 'True',
          reason: 'RegularUpdate',
          message: '',
          lastTransitionTime: AT,
        },
        {
          type: 'EntryPointCollected',
          status: 'True',
          reason: 'RegularUpdate',
          message: '',
          lastTransitionTime: AT,
        },
        {
          type: 'ClusterSyncToArgocd',
          status: 'True',
          reason: 'RegularUpdate',
          message: `successfully saved cluster ${name} to argocd`,
          lastTransitionTime: AT,
        },
        {
          type: 'ProductInfoUpdated',
          status: 'True',
          reason: 'RegularUpdate',
          message: '',
          lastTransitionTime: AT,
        },
      ],
      entryPoints: { traefik: { httpPort: 30080, httpsPort: 30443, type: 'NodePort' } },
      mgtAuthStatus: { ...success, secretID: '3' },
      sync2ArgoStatus: { ...success, secretID: '4' },
    },
  });
  if (!view) throw new Error('fixture did not project');
  return view;
}

describe('digestClusterResource', () => {
  it('when a resource is ready, then its digest says so with the heartbeat and version, and nothing else', () => {
    expect(digestClusterResource(readyView('physical-worker'))).toEqual({
      name: 'physical-worker',
      resource_version: '123456',
      state: 'ready',
      reason: { code: 'ready' },
      spec_applied: true,
      last_heartbeat: AT,
    });
  });

  it('when sent instead of the whole view, then it is at most a quarter of its bytes', () => {
    const view = readyView('cluster-00042');
    const digestBytes = JSON.stringify(digestClusterResource(view)).length;
    expect(digestBytes).toBeLessThanOrEqual(200);
    expect(digestBytes * 4).toBeLessThanOrEqual(JSON.stringify(view).length);
  });

  it('when the resource has entry points and operators’ success messages, then none is in the digest', () => {
    const sent = JSON.stringify(digestClusterResource(readyView('physical-worker')));
    expect(sent).not.toContain('30443');
    expect(sent).not.toContain('successfully saved');
    expect(sent).not.toContain('apiServer');
  });
});
