import { randomBytes } from 'node:crypto';
import { startReplicasBehind, type BffReplica } from '../../scripts/lib/bff-replica';
import { startRedisServer } from '../../scripts/lib/redis-server';
import { startRoundRobinBalancer, type Balancer } from '../../scripts/lib/round-robin-balancer';
import { stackInfo } from './stack-info';

export interface TwoReplicas {
  /** The balancer: the address users open. */
  url: string;
  balancer: Balancer;
  replicas: Record<'A' | 'B', BffReplica>;
  stop(): Promise<void>;
}

/**
 * The production shape beside the suite's stack: Redis, two BFF processes sharing it (same
 * SESSION_SECRET, no sticky sessions) against the suite's local GitLab and clusters API, and a
 * round-robin balancer at the address global setup registered at GitLab.
 */
export async function startTwoReplicas(): Promise<TwoReplicas> {
  const info = stackInfo();
  const redis = await startRedisServer();
  let balancer: Balancer | undefined;
  try {
    balancer = await startRoundRobinBalancer({ port: Number(new URL(info.replicasUrl).port) });
    const replicas = await startReplicasBehind(balancer, ['A', 'B'], {
      PUBLIC_URL: info.replicasUrl,
      GITLAB_URL: info.gitlabUrl,
      GITLAB_CLIENT_SECRET: info.clientSecret,
      CLUSTERS_API_URL: info.clustersApiUrl,
      REDIS_URL: redis.url,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    });
    const running = balancer;
    return {
      url: running.url,
      balancer: running,
      replicas,
      stop: async () => {
        await Promise.all([replicas.A.stop(), replicas.B.stop()]);
        await running.close();
        await redis.stop();
      },
    };
  } catch (error) {
    await balancer?.close();
    await redis.stop();
    throw error;
  }
}
