/**
 * CPU time spent by the clusters API and the local GitLab (its Node process, and the git
 * processes it ran), so that a save's cost can be read apart from the machine's load: with
 * other work on the cores, latency grows with the load but CPU time much less.
 */
import { childrenCpuMsOf, cpuMsOf } from './machine';

export interface StackCpu {
  clustersApi: number;
  gitlab: number;
  /** The git processes the local GitLab ran (receive-pack, unpack-objects, rev-list, ...). */
  git: number;
}

export interface StackPids {
  clustersApi: number;
  gitlab: number;
}

export function stackCpu(pids: StackPids): StackCpu {
  return {
    clustersApi: cpuMsOf(pids.clustersApi),
    gitlab: cpuMsOf(pids.gitlab),
    git: childrenCpuMsOf(pids.gitlab),
  };
}

/** What each part spent per operation between two readings. */
export function cpuPerOperation(before: StackCpu, after: StackCpu, operations: number): StackCpu {
  const per = (key: keyof StackCpu) => (after[key] - before[key]) / operations;
  return { clustersApi: per('clustersApi'), gitlab: per('gitlab'), git: per('git') };
}

export function totalCpu(cpu: StackCpu): number {
  return cpu.clustersApi + cpu.gitlab + cpu.git;
}
