import { describe, expect, it } from 'vitest';
import {
  deriveClusterStatus,
  deriveStatusFromDigest,
  HEARTBEAT_STALE_MS,
  type StatusInput,
} from './derive-status';
import { projectClusterResource } from './project-resource';
import { digestClusterResource } from './resource-digest';
import { ResourceDigestSchema, type ClusterResourceView, type WatchHealth } from './status.schema';
import { describeStatusReason } from './status-words';

const NOW = new Date('2026-12-07T10:05:00Z');
const UP: WatchHealth = { state: 'up', since: '2026-12-07T09:00:00Z', message: '' };
const SPEC = { apiServer: 'https://203.0.113.10:6443', clusterType: 'physical', usage: 'worker' };
const RECENT = '2026-12-07T10:04:30Z';

function condition(type: string, status = 'True', message = '', at = RECENT) {
  return { type, status, reason: 'RegularUpdate', message, lastTransitionTime: at };
}
const success = { lastSuccessSpec: JSON.stringify(SPEC), lastSuccessTime: RECENT };

/** A Cluster resource as the API server sends it, everything True and applied unless changed. */
function resource(overrides: {
  status?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  spec?: unknown;
}): ClusterResourceView {
  const view = projectClusterResource({
    metadata: {
      name: 'physical-worker',
      namespace: 'nautes',
      resourceVersion: '7',
      ...overrides.metadata,
    },
    spec: overrides.spec ?? SPEC,
    status: {
      conditions: [
        condition('SecretStoreReady'),
        condition('EntryPointCollected'),
        condition(
          'ClusterSyncToArgocd',
          'True',
          'successfully saved cluster physical-worker to argocd',
        ),
        condition('ProductInfoUpdated'),
      ],
      mgtAuthStatus: success,
      sync2ArgoStatus: success,
      ...overrides.status,
    },
  });
  if (!view) throw new Error('fixture did not project');
  return view;
}

const base: StatusInput = {
  inGit: true,
  resource: resource({}),
  argo: { name: 'physical-worker', status: 'Synced', failure: null },
  watch: UP,
  now: NOW,
};

const cases: Array<[string, Partial<StatusInput>, string, string, boolean | null]> = [
  ['everything True, spec applied', {}, 'ready', 'ready', true],
  [
    'no management cluster configured',
    {
      watch: { state: 'not-configured', since: null, message: 'MANAGEMENT_KUBECONFIG is not set' },
    },
    'not-configured',
    'not-configured',
    true,
  ],
  [
    'the watch has not listed yet',
    { watch: { state: 'starting', since: RECENT, message: '' } },
    'stale',
    'watch-starting',
    true,
  ],
  [
    'the watch is down',
    { watch: { state: 'down', since: RECENT, message: 'connect ECONNREFUSED 127.0.0.1:6443' } },
    'stale',
    'watch-down',
    true,
  ],
  [
    'in Git, no resource, Argo CD does not list it yet',
    { resource: null, argo: null, committedAt: '2026-12-07T10:04:00Z' },
    'waiting-for-sync',
    'waiting-create',
    null,
  ],
  [
    'in Git, no resource, Argo CD says OutOfSync',
    { resource: null, argo: { name: 'physical-worker', status: 'OutOfSync', failure: null } },
    'waiting-for-sync',
    'waiting-create',
    null,
  ],
  [
    'resource present, Argo CD says OutOfSync (a change not applied)',
    { argo: { name: 'physical-worker', status: 'OutOfSync', failure: null } },
    'waiting-for-sync',
    'waiting-change',
    true,
  ],
  [
    'removed from Git, resource still there',
    { inGit: false },
    'waiting-for-sync',
    'waiting-removal',
    true,
  ],
  ['gone everywhere', { inGit: false, resource: null, argo: null }, 'deleting', 'removed', null],
  [
    'the webhook refused the file',
    {
      resource: null,
      argo: {
        name: 'physical-worker',
        status: 'OutOfSync',
        failure: 'admission webhook "vcluster.kb.io" denied the request: host cluster not found',
      },
    },
    'sync-failed',
    'sync-failed',
    null,
  ],
  [
    'the webhook refused an update of an existing resource',
    { argo: { name: 'physical-worker', status: 'OutOfSync', failure: 'denied the request' } },
    'sync-failed',
    'sync-failed',
    true,
  ],
  [
    'resource without conditions yet',
    {
      resource: resource({
        status: { conditions: null, mgtAuthStatus: null, sync2ArgoStatus: null },
      }),
    },
    'reconciling',
    'no-conditions',
    false,
  ],
  [
    'cluster-operator could not store the kubeconfig',
    {
      resource: resource({
        status: {
          conditions: [
            condition(
              'SecretStoreReady',
              'False',
              'sync cluster info to secret store failed: vault sealed',
            ),
            condition('ClusterSyncToArgocd'),
          ],
        },
      }),
    },
    'error',
    'condition-false',
    true,
  ],
  [
    'a condition Unknown',
    { resource: resource({ status: { conditions: [condition('SecretStoreReady', 'Unknown')] } }) },
    'reconciling',
    'condition-unknown',
    true,
  ],
  [
    'all True but the spec changed since the last success',
    { resource: resource({ spec: { ...SPEC, apiServer: 'https://203.0.113.11:6443' } }) },
    'reconciling',
    'spec-not-applied',
    false,
  ],
  [
    'all True with a warning',
    {
      resource: resource({
        status: {
          warnings: [
            {
              type: 'ProductNotFound',
              from: 'base-operator',
              id: 'demo',
              message: 'product demo not found',
            },
          ],
        },
      }),
    },
    'warning',
    'warnings',
    true,
  ],
  [
    'deletion requested, finalizers pending (wins over everything but the watch)',
    {
      resource: resource({
        metadata: {
          deletionTimestamp: '2026-12-07T10:04:50Z',
          finalizers: ['cluster.nautes.resource.nautes.io/finalizers'],
        },
      }),
      argo: { name: 'physical-worker', status: 'OutOfSync', failure: 'x' },
    },
    'deleting',
    'deleting',
    true,
  ],
  [
    'cluster-operator silent for over 3 minutes',
    {
      resource: resource({
        status: {
          conditions: [
            condition('SecretStoreReady', 'True', '', '2026-12-07T10:01:00Z'),
            condition('ClusterSyncToArgocd', 'True', '', RECENT),
          ],
        },
      }),
    },
    'stale',
    'no-heartbeat',
    true,
  ],
];

describe('deriveClusterStatus', () => {
  it.each(cases)('when %s, then %s (%s)', (_name, change, state, code, specApplied) => {
    const status = deriveClusterStatus({ ...base, ...change });
    expect(status.state).toBe(state);
    expect(status.reason.code).toBe(code);
    expect(status.specApplied).toBe(specApplied);
    expect(describeStatusReason(status.reason, NOW)).not.toMatch(/undefined|\[object/);
  });

  // The browser derives from the digest the stream sent (JSON, checked by the schema).
  it.each(cases)(
    'when %s and the resource travels as its digest, then the status is the same',
    (_name, change) => {
      const input = { ...base, ...change };
      const { resource, ...rest } = input;
      const sent = resource ? JSON.stringify(digestClusterResource(resource)) : null;
      const digest = sent ? ResourceDigestSchema.parse(JSON.parse(sent)) : null;
      expect(deriveStatusFromDigest({ ...rest, digest })).toEqual(deriveClusterStatus(input));
    },
  );

  it('when an operator reports failure, then its message and which operator said it are kept', () => {
    const status = deriveClusterStatus({
      ...base,
      resource: resource({
        status: {
          conditions: [
            condition(
              'ClusterSyncToArgocd',
              'False',
              'failed to sync cluster to argocd, err: timeout',
            ),
          ],
        },
      }),
    });
    expect(status.reason).toEqual({
      code: 'condition-false',
      type: 'ClusterSyncToArgocd',
      operator: 'argo-operator',
      message: 'failed to sync cluster to argocd, err: timeout',
    });
    expect(describeStatusReason(status.reason, NOW)).toBe(
      'ClusterSyncToArgocd failed (argo-operator): failed to sync cluster to argocd, err: timeout',
    );
  });

  it('when waiting for the first sync, then the words say how long since the commit', () => {
    const status = deriveClusterStatus({
      ...base,
      resource: null,
      argo: null,
      committedAt: '2026-12-07T10:03:00Z',
    });
    expect(describeStatusReason(status.reason, NOW)).toMatch(/^Saved in Git 2 min ago/);
  });

  it('when the heartbeat is exactly at the limit, then it is not stale yet', () => {
    const at = new Date(NOW.getTime() - HEARTBEAT_STALE_MS).toISOString();
    const status = deriveClusterStatus({
      ...base,
      resource: resource({
        status: { conditions: [condition('SecretStoreReady', 'True', '', at)] },
      }),
    });
    expect(status.state).toBe('ready');
  });
});
