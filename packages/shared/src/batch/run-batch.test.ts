import { describe, expect, it } from 'vitest';
import { applyOrder, deleteOrder } from './batch-order';
import { runBatch } from './run-batch';

const host = { name: 'host-a', cluster_type: 'physical' };
const virtual = { name: 'vc-a', cluster_type: 'virtual', host_cluster: 'host-a' };
const physical = { name: 'worker', cluster_type: 'physical' };

describe('runBatch', () => {
  it('when a host fails on apply, then its virtual cluster is skipped and the rest still run', async () => {
    const sent: string[] = [];
    const progress: string[] = [];
    const outcomes = await runBatch({
      steps: applyOrder([virtual, host, physical]),
      act: (cluster) => {
        sent.push(cluster.name);
        if (cluster.name === 'host-a') return Promise.reject(new Error('API server must be https'));
        return Promise.resolve(`Cluster ${cluster.name} saved`);
      },
      onProgress: (name, outcome) =>
        progress.push(`${name}:${outcome === 'running' ? outcome : outcome.result}`),
    });
    expect(sent).toEqual(['host-a', 'worker']);
    expect(outcomes).toEqual([
      { name: 'host-a', result: 'failed', message: 'API server must be https' },
      { name: 'worker', result: 'done', message: 'Cluster worker saved' },
      { name: 'vc-a', result: 'skipped', needs: 'host-a' },
    ]);
    expect(progress).toEqual([
      'host-a:running',
      'host-a:failed',
      'worker:running',
      'worker:done',
      'vc-a:skipped',
    ]);
  });

  it('when a virtual cluster fails on delete, then its host is skipped', async () => {
    const plan = deleteOrder([host, virtual], [host, virtual]);
    if (!plan.ok) throw new Error('plan refused');
    const outcomes = await runBatch({
      steps: plan.steps,
      act: (cluster) =>
        cluster.name === 'vc-a' ? Promise.reject(new Error('refused')) : Promise.resolve('deleted'),
    });
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['failed', 'skipped']);
  });

  it('when aborted, then no further request is sent', async () => {
    const controller = new AbortController();
    const sent: string[] = [];
    await runBatch({
      steps: applyOrder([host, physical]),
      act: (cluster) => {
        sent.push(cluster.name);
        controller.abort();
        return Promise.resolve('ok');
      },
      signal: controller.signal,
    });
    expect(sent).toEqual(['host-a']);
  });
});
