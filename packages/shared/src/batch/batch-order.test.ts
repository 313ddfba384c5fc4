import { describe, expect, it } from 'vitest';
import { applyOrder, deleteOrder, type BatchCluster } from './batch-order';

const host: BatchCluster = { name: 'host-a', cluster_type: 'physical' };
const virtual: BatchCluster = { name: 'vc-a', cluster_type: 'virtual', host_cluster: 'host-a' };
const virtual2: BatchCluster = { name: 'vc-b', cluster_type: 'virtual', host_cluster: 'host-a' };
const elsewhere: BatchCluster = { name: 'vc-x', cluster_type: 'virtual', host_cluster: 'host-z' };
const physical: BatchCluster = { name: 'worker', cluster_type: 'physical' };
const names = (steps: Array<{ cluster: BatchCluster }>) => steps.map((step) => step.cluster.name);

describe('applyOrder', () => {
  it('when a virtual cluster comes before its host in the file, then the host is applied first', () => {
    const steps = applyOrder([virtual, physical, host]);
    expect(names(steps)).toEqual(['worker', 'host-a', 'vc-a']);
    expect(steps[2]?.needs).toEqual(['host-a']);
  });

  it('when the host is not in the file (already registered), then nothing in the batch is needed', () => {
    expect(applyOrder([elsewhere])).toEqual([{ cluster: elsewhere, needs: [] }]);
  });

  it('when a virtual cluster names itself as host, then it needs nothing (the server refuses it)', () => {
    const self = { name: 'loop', cluster_type: 'virtual', host_cluster: 'loop' };
    expect(applyOrder([self])[0]?.needs).toEqual([]);
  });
});

describe('deleteOrder', () => {
  const all = [host, virtual, virtual2, elsewhere, physical];

  it('when a host and all its virtual clusters are selected, then the virtual clusters go first', () => {
    const plan = deleteOrder([host, virtual, virtual2], all);
    expect(plan.ok && names(plan.steps)).toEqual(['vc-a', 'vc-b', 'host-a']);
    expect(plan.ok && plan.steps[2]?.needs).toEqual(['vc-a', 'vc-b']);
  });

  it('when a host is selected without all its virtual clusters, then it is refused naming them', () => {
    expect(deleteOrder([host, virtual, physical], all)).toEqual({
      ok: false,
      refused: [{ host: 'host-a', remaining: ['vc-b'] }],
    });
  });

  it('when only unrelated clusters are selected, then they keep their order', () => {
    const plan = deleteOrder([physical, elsewhere], all);
    expect(plan.ok && names(plan.steps)).toEqual(['worker', 'vc-x']);
  });
});
