/**
 * One BFF replica as a child process on a port it keeps across restarts, so that a balancer
 * in front can be told its address once and a stopped replica comes back at the same place.
 */
import { startApp, type RunningApp } from './app-process';
import { findFreePort } from './free-port';
import type { Balancer } from './round-robin-balancer';

export interface BffReplica {
  name: string;
  url: string;
  /** The running process, undefined while stopped. */
  app: RunningApp | undefined;
  /** Everything every run of this replica logged. */
  logs(): string;
  /** SIGTERM (graceful stop); resolves once the process has exited. */
  stop(): Promise<void>;
  /** Starts it again with the same environment and port. */
  start(): Promise<void>;
}

export async function startBffReplica(
  name: string,
  env: Record<string, string | undefined>,
): Promise<BffReplica> {
  const port = await findFreePort();
  let previousLogs = '';
  const replica: BffReplica = {
    name,
    url: `http://127.0.0.1:${port}`,
    app: undefined,
    logs: () => previousLogs + (replica.app?.logs() ?? ''),
    stop: async () => {
      const app = replica.app;
      if (!app) return;
      await app.stop();
      previousLogs += app.logs();
      replica.app = undefined;
    },
    start: async () => {
      if (replica.app) return;
      // Generous: on a saturated 2-core machine a start through tsx has taken over 90 s.
      replica.app = await startApp('bff', {
        env: { ...env, PORT: String(port) },
        timeoutMs: 150_000,
      });
    },
  };
  await replica.start();
  return replica;
}

/**
 * Replicas as production runs them: the same environment for each (so the same REDIS_URL and
 * SESSION_SECRET, and PUBLIC_URL the balancer's address), started together, put behind it.
 */
export async function startReplicasBehind<Name extends string>(
  balancer: Balancer,
  names: Name[],
  env: Record<string, string | undefined>,
): Promise<Record<Name, BffReplica>> {
  const started = await Promise.allSettled(names.map((name) => startBffReplica(name, env)));
  const replicas = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(replicas.map((replica) => replica.stop()));
    throw failed.reason;
  }
  for (const replica of replicas) balancer.add(replica.name, replica.url);
  return Object.fromEntries(replicas.map((replica) => [replica.name, replica])) as Record<
    Name,
    BffReplica
  >;
}
