import { describe, expect, it } from 'vitest';
import { argoEntryFor, projectArgoApplication, projectClusterResource } from './project-resource';
import { sameSpec } from './same-spec';

describe('projectClusterResource', () => {
  it('when given a full resource, then it keeps only the trimmed view (no spec, no secret IDs)', () => {
    const view = projectClusterResource({
      apiVersion: 'nautes.resource.nautes.io/v1alpha1',
      kind: 'Cluster',
      metadata: {
        name: 'host',
        namespace: 'nautes',
        resourceVersion: '12',
        creationTimestamp: '2026-12-07T10:00:00Z',
        managedFields: [{ manager: 'argocd' }],
        finalizers: ['cluster.nautes.resource.nautes.io/finalizers'],
      },
      spec: { apiServer: 'https://203.0.113.5:6443', usage: 'host' },
      status: {
        conditions: [
          {
            type: 'SecretStoreReady',
            status: 'True',
            reason: 'RegularUpdate',
            lastTransitionTime: '2026-12-07T10:00:00Z',
          },
        ],
        entryPoints: { traefik: { httpPort: 30080, httpsPort: 30443, type: 'NodePort' } },
        mgtAuthStatus: {
          lastSuccessSpec: '{"usage":"host","apiServer":"https://203.0.113.5:6443"}',
          lastSuccessTime: 't',
          secretID: '3',
        },
      },
    });
    expect(view).toEqual({
      name: 'host',
      namespace: 'nautes',
      resource_version: '12',
      created_at: '2026-12-07T10:00:00Z',
      deleting_since: null,
      finalizers: ['cluster.nautes.resource.nautes.io/finalizers'],
      conditions: [
        {
          type: 'SecretStoreReady',
          status: 'True',
          reason: 'RegularUpdate',
          message: '',
          last_transition_time: '2026-12-07T10:00:00Z',
          operator: 'cluster-operator',
        },
      ],
      warnings: [],
      entry_points: [{ name: 'traefik', http_port: 30080, https_port: 30443, type: 'NodePort' }],
      applied: {
        cluster_operator: { last_success_time: 't', current: true },
        argo_operator: { last_success_time: null, current: false },
      },
    });
    expect(JSON.stringify(view)).not.toMatch(/secretID|managedFields|203\.0\.113/);
  });

  it('when the status is malformed, then what can be read is kept', () => {
    const view = projectClusterResource({
      metadata: { name: 'odd' },
      status: { conditions: 'nope', warnings: [{ type: 1 }], entryPoints: { x: 5 } },
    });
    expect(view?.name).toBe('odd');
    expect(view?.conditions).toEqual([]);
  });

  it('when a condition type is a prototype key, then no operator is invented', () => {
    const view = projectClusterResource({
      metadata: { name: 'x' },
      status: { conditions: [{ type: 'constructor', status: 'True' }] },
    });
    expect(view?.conditions[0]?.operator).toBeNull();
  });

  it('when there is no name, then there is no view', () => {
    expect(projectClusterResource({ metadata: {} })).toBeNull();
    expect(projectClusterResource('text')).toBeNull();
  });
});

describe('sameSpec', () => {
  it.each([
    ['same keys in another order', { a: 1, b: { c: 'x' } }, '{"b":{"c":"x"},"a":1}', true],
    ['empty values omitted by Go', { a: 1, b: '', c: null, d: [], e: {} }, '{"a":1}', true],
    ['a changed value', { a: 1 }, '{"a":2}', false],
    ['a value only on one side', { a: 1, b: 2 }, '{"a":1}', false],
    ['arrays in order', { a: [1, 2] }, '{"a":[2,1]}', false],
    ['not JSON', { a: 1 }, '{a:1', false],
  ])('when %s, then %s', (_name, spec, last, expected) => {
    expect(sameSpec(spec, last)).toBe(expected);
  });
  it('when nothing was applied yet, then false', () => {
    expect(sameSpec({ a: 1 }, null)).toBe(false);
  });
});

describe('projectArgoApplication', () => {
  const application = {
    metadata: { name: 'nautes', namespace: 'argocd' },
    status: {
      sync: { status: 'OutOfSync', revision: '4c1f0e9' },
      resources: [
        {
          group: 'nautes.resource.nautes.io',
          version: 'v1alpha1',
          kind: 'Cluster',
          namespace: 'nautes',
          name: 'host',
          status: 'Synced',
        },
        {
          group: 'nautes.resource.nautes.io',
          kind: 'Cluster',
          namespace: 'nautes',
          name: 'vc',
          status: 'OutOfSync',
        },
        { group: '', kind: 'ConfigMap', namespace: 'nautes', name: 'other', status: 'Synced' },
        {
          group: 'nautes.resource.nautes.io',
          kind: 'Cluster',
          namespace: 'elsewhere',
          name: 'foreign',
          status: 'Synced',
        },
      ],
      operationState: {
        phase: 'Failed',
        message: 'one or more objects failed to apply',
        finishedAt: '2026-12-07T10:00:00Z',
        syncResult: {
          revision: '4c1f0e9',
          resources: [
            {
              kind: 'Cluster',
              name: 'vc',
              namespace: 'nautes',
              status: 'SyncFailed',
              message: 'admission webhook "vcluster.kb.io" denied the request: host not found',
            },
            {
              kind: 'Cluster',
              name: 'host',
              namespace: 'nautes',
              status: 'Synced',
              message: 'configured',
            },
          ],
        },
      },
    },
  };

  it('when an entry failed to sync, then its own message is its failure', () => {
    const view = projectArgoApplication(application, 'nautes');
    expect(view?.revision).toBe('4c1f0e9');
    expect(view?.clusters).toEqual([
      { name: 'host', status: 'Synced', failure: null },
      {
        name: 'vc',
        status: 'OutOfSync',
        failure: 'admission webhook "vcluster.kb.io" denied the request: host not found',
      },
    ]);
    expect(argoEntryFor(view, 'vc')?.failure).toMatch(/denied/);
    expect(argoEntryFor(view, 'missing')).toBeNull();
  });

  it('when an Application has no status yet, then it has no entries', () => {
    expect(projectArgoApplication({ metadata: { name: 'nautes' } }, 'nautes')?.clusters).toEqual(
      [],
    );
  });
});
