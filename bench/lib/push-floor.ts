/**
 * What one push costs at the remote alone: the same single `git-receive-pack` request a save
 * makes (the clusters API's own client), carrying a commit that changes nothing, straight to
 * the local GitLab. Logged next to the save latency, so that the part of a save spent inside
 * GitLab (its git processes and hook) is visible.
 */
import { execFileSync } from 'node:child_process';
import { makeCommit } from '@cluster-console/clusters-api/tenant-repo/git-objects';
import { ReceivePackClient } from '@cluster-console/clusters-api/tenant-repo/receive-pack.client';

export async function measurePushFloor(
  gitlabUrl: string,
  bareRepo: string,
  pushes: number,
): Promise<number[]> {
  const [head = '', tree = ''] = execFileSync(
    'git',
    ['rev-parse', 'refs/heads/main', 'refs/heads/main^{tree}'],
    { cwd: bareRepo, encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  const client = new ReceivePackClient(`${gitlabUrl}/nautes/tenant-config.git`);
  const times: number[] = [];
  let parent = head;
  try {
    for (let index = 0; index < pushes; index += 1) {
      const commit = makeCommit({
        tree,
        parent,
        identity: { name: 'Benchmark', email: 'bench@example.test' },
        message: 'Benchmark: measure a push',
      });
      const started = performance.now();
      const outcome = await client.push({
        oldOid: parent,
        newOid: commit.oid,
        ref: 'refs/heads/main',
        objects: [commit],
        token: 'glpat-local-maintainer',
      });
      times.push(performance.now() - started);
      if (outcome !== 'ok') throw new Error('the measuring push was refused');
      parent = commit.oid;
    }
  } finally {
    client.close();
  }
  return times;
}
