import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages. */
  loadAverage: [number, number, number];
}

/** What the figures were measured on; printed with them, since they mean little alone. */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: [one, five, fifteen].map((value) => Math.round(value * 100) / 100) as [
      number,
      number,
      number,
    ],
  };
}

export function formatMachine(machine: MachineDescription, loadAfter?: number[]): string {
  const load = machine.loadAverage.join(' / ');
  const after = loadAfter ? `, after: ${loadAfter.map((v) => v.toFixed(2)).join(' / ')}` : '';
  return [
    `CPU: ${machine.cpu} (${machine.cores} cores)`,
    `memory: ${machine.memoryGb} GiB, ${machine.platform}, Node ${machine.node}`,
    `load average (1/5/15 min) before: ${load}${after}`,
  ].join('\n');
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** /proc counts in clock ticks of 1/100 s (USER_HZ, fixed at 100 for user space). */
function ticksToMs(pid: number, first: string | undefined, second: string | undefined): number {
  const ticks = Number(first) + Number(second);
  if (!Number.isFinite(ticks)) throw new Error(`no CPU times for process ${pid}`);
  return ticks * 10;
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux). */
export function cpuMsOf(pid: number): number {
  // utime and stime: the 14th and 15th fields of the line.
  const fields = statFields(pid);
  return ticksToMs(pid, fields[11], fields[12]);
}

/**
 * CPU time of the child processes a process has waited for (and theirs), in milliseconds:
 * e.g. the git processes a server has run so far.
 */
export function childrenCpuMsOf(pid: number): number {
  // cutime and cstime: the 16th and 17th fields of the line.
  const fields = statFields(pid);
  return ticksToMs(pid, fields[13], fields[14]);
}
