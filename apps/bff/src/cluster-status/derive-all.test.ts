import {
  ClusterStatusListSchema,
  digestsFromColumns,
  StatusSnapshotSchema,
} from '@cluster-console/shared';
import { describe, expect, it } from 'vitest';
import { deriveAll, statusList } from './derive-all';
import { StatusHub } from './status-hub';

const now = new Date('2026-12-07T10:00:30.000Z');
const UP = { state: 'up' as const, since: '2026-12-07T09:00:00.000Z', message: 'Watching.' };
const spec = { apiServer: 'https://10.0.0.5:6443' };

function ready(name: string) {
  const success = {
    lastSuccessSpec: JSON.stringify(spec),
    lastSuccessTime: '2026-12-07T10:00:00Z',
  };
  return {
    metadata: { name, namespace: 'nautes', resourceVersion: '7' },
    spec,
    status: {
      conditions: [
        { type: 'SecretStoreReady', status: 'True', lastTransitionTime: '2026-12-07T10:00:00Z' },
        { type: 'ClusterSyncToArgocd', status: 'True', lastTransitionTime: '2026-12-07T10:00:00Z' },
      ],
      mgtAuthStatus: success,
      sync2ArgoStatus: success,
    },
  };
}

function hubWith() {
  const hub = new StatusHub(UP, 'nautes');
  hub.upsertCluster(ready('ready-one'));
  hub.upsertCluster(ready('removed-from-git'));
  hub.setArgo({
    metadata: { name: 'nautes' },
    status: {
      sync: { status: 'OutOfSync', revision: 'abc' },
      resources: [
        { kind: 'Cluster', name: 'ready-one', namespace: 'nautes', status: 'Synced' },
        { kind: 'Cluster', name: 'removed-from-git', namespace: 'nautes', status: 'Synced' },
        { kind: 'Cluster', name: 'refused', namespace: 'nautes', status: 'OutOfSync' },
      ],
      operationState: {
        phase: 'Failed',
        message: 'one or more objects failed to apply',
        syncResult: {
          resources: [
            {
              kind: 'Cluster',
              name: 'refused',
              namespace: 'nautes',
              status: 'SyncFailed',
              message: 'denied by the webhook',
            },
          ],
        },
      },
    },
  });
  return hub;
}

describe('statusList (the JSON route)', () => {
  it('when Git, the resources and Argo CD are known, then each cluster gets its derived state and English words', () => {
    const list = statusList(hubWith(), new Set(['ready-one', 'refused', 'only-in-git']), now);
    expect(ClusterStatusListSchema.parse(list)).toEqual(list);
    expect(list.clusters.map(({ name, state, reason_code }) => [name, state, reason_code])).toEqual(
      [
        ['only-in-git', 'waiting-for-sync', 'waiting-create'],
        ['ready-one', 'ready', 'ready'],
        ['refused', 'sync-failed', 'sync-failed'],
        ['removed-from-git', 'waiting-for-sync', 'waiting-removal'],
      ],
    );
    expect(list.clusters[2]?.reason).toBe(
      'Argo CD could not apply the file: denied by the webhook',
    );
  });

  it('when the watch is not configured, then every cluster in Git says so', () => {
    const hub = new StatusHub(
      { state: 'not-configured', since: null, message: 'Not set.' },
      'nautes',
    );
    expect(statusList(hub, new Set(['a']), now).clusters).toEqual([
      {
        name: 'a',
        state: 'not-configured',
        reason_code: 'not-configured',
        reason: 'Live status is not configured: Not set.',
        spec_applied: null,
      },
    ]);
  });
});

describe('deriveAll without Git (metrics)', () => {
  it('when Git is not known, then a cluster is in Git when Argo CD lists it or its resource exists', () => {
    const states = deriveAll(hubWith(), undefined, now).map(({ name, status }) => [
      name,
      status.state,
    ]);
    expect(states).toEqual([
      ['ready-one', 'ready'],
      ['refused', 'sync-failed'],
      ['removed-from-git', 'ready'],
    ]);
  });
});

describe('StatusHub', () => {
  it('when a resource is deleted, then the snapshot no longer has it and the snapshot reads as the contract says', () => {
    const hub = hubWith();
    hub.deleteCluster('removed-from-git');
    const snapshot = StatusSnapshotSchema.parse(JSON.parse(hub.snapshotJson(now)));
    expect(snapshot.clusters.name).toEqual(['ready-one']);
    expect(digestsFromColumns(snapshot.clusters)).toEqual([hub.digest('ready-one')]);
    expect(snapshot.argo?.revision).toBe('abc');
    expect(snapshot.server_time).toBe(now.toISOString());
  });

  it('when a raw resource carries secrets and managed fields, then neither reaches the stream', () => {
    const hub = new StatusHub(UP, 'nautes');
    const events: string[] = [];
    hub.subscribe((event) => events.push(event.data));
    const raw = ready('x');
    hub.upsertCluster({
      ...raw,
      metadata: { ...raw.metadata, managedFields: [{ manager: 'kubectl' }] },
      status: { ...raw.status, mgtAuthStatus: { ...raw.status.mgtAuthStatus, secretID: '3' } },
    });
    expect(events[0]).not.toContain('managedFields');
    expect(events[0]).not.toContain('secretID');
    expect(events[0]).not.toContain('10.0.0.5');
  });
});
