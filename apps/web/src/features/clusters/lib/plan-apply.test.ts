import { describe, expect, it } from 'vitest';
import { readCliClusterFile, readClusterReply } from '@cluster-console/shared';
import { planApply } from './plan-apply';

const FILE = `apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: vc-a
  clusterType: virtual
  clusterKind: kubernetes
  usage: worker
  workerType: pipeline
  hostCluster: host-a
  apiServer: https://vc-a-host-a.203.0.113.5.nip.io:8443
  vcluster:
    httpsNodePort: "31456"
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: host-a
  clusterType: physical
  clusterKind: kubernetes
  usage: host
  apiServer: https://203.0.113.5:6443
  kubeconfig: |
    apiVersion: v1
    kind: Config
    clusters: [{name: c, cluster: {server: "https://203.0.113.5:6443"}}]
    users: [{name: u, user: {token: sekret-token-1}}]
    contexts: [{name: x, context: {cluster: c, user: u}}]
    current-context: x
---
apiVersion: nautes.resource.nautes.io/v1alpha1
kind: Cluster
spec:
  name: broken
  clusterType: physical
  clusterKind: kubernetes
  usage: worker
  workerType: deployment
  apiServer: http://203.0.113.9:6443
`;

describe('planApply', () => {
  const read = readCliClusterFile(FILE);
  if (!read.ok) throw new Error('fixture unreadable');

  it('when a file holds a virtual cluster, its host and an invalid cluster, then each row says what it is', () => {
    const rows = planApply(read.documents, 'v0.3', []);
    expect(rows.map((row) => [row.name, row.body !== undefined, row.change?.kind])).toEqual([
      ['vc-a', true, 'new'],
      ['host-a', true, 'new'],
      ['broken', false, undefined],
    ]);
    expect(rows[1]?.kubeconfig).toBe(true);
    const [problem] = rows[2]?.problems ?? [];
    expect(problem).toMatchObject({ index: 3, line: 30, field: 'kubeconfig' });
  });

  it('when a cluster is registered already, then the change is against it', () => {
    const host = readClusterReply({
      name: 'host-a',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      api_server: 'https://203.0.113.4:6443',
    });
    const rows = planApply(read.documents, 'v0.3', [host]);
    expect(rows[1]?.change).toMatchObject({
      kind: 'changed',
      fields: [{ field: 'api_server', before: 'https://203.0.113.4:6443' }],
    });
  });

  it('when a virtual cluster names a host that is nowhere, then it is a problem before sending', () => {
    const onlyVirtual = read.documents.filter((doc) => doc.index === 1);
    const [row] = planApply(onlyVirtual, 'v0.3', []);
    expect(row?.problems.map((problem) => problem.field)).toEqual(['host_cluster']);
    expect(row?.problems[0]?.message).toContain('host-a');
    expect(row?.body).toBeUndefined();
  });

  it('when a name comes twice, then the second is a problem', () => {
    const twice = readCliClusterFile(`${FILE.split('---')[1]}\n---\n${FILE.split('---')[1]}`);
    if (!twice.ok) throw new Error('unreadable');
    const rows = planApply(twice.documents, 'v0.3', []);
    expect(rows[1]?.problems[0]?.message).toMatch(/already earlier/);
  });

  it('never carries the kubeconfig text into a problem or a change', () => {
    expect(
      JSON.stringify(
        planApply(read.documents, 'v0.4', []).map((row) => [row.problems, row.change]),
      ),
    ).not.toContain('sekret-token-1');
  });
});
