import { rmSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyDefaults,
  kubeconfigSecretLocation,
  toClusterResource,
  type FieldSelector,
} from '@cluster-console/shared';
import { createBareTenantRepo, makeTempDir } from '../../tests/helpers/git-fixtures';
import { clusterState } from '../secrets/cluster-state';
import { JournaledSecretStore } from '../secrets/journaled-secret-store';
import { GitRunner } from '../tenant-repo/git-runner';
import { TenantStore } from '../tenant-repo/tenant-store';
import { apiGenerationV03 } from './api-generation-v03';
import { ClusterService } from './cluster.service';
import { ClusterWriter } from './cluster-writer';

const author = { name: 'Mia', email: 'mia@example.test' };

describe('ClusterService.listJson', () => {
  let root: string;
  let repo: TenantStore;
  let writer: ClusterWriter;
  let service: ClusterService;

  async function register(name: string, usage: 'host' | 'worker') {
    const body = applyDefaults(name, {
      api_server: 'https://203.0.113.10:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage,
      ...(usage === 'worker' ? { worker_type: 'pipeline' } : {}),
    });
    await writer.submit({
      key: name,
      token: 't',
      author,
      secret: kubeconfigSecretLocation(name),
      plan: () => ({
        change: {
          kind: 'upsert',
          name,
          resource: toClusterResource(name, body),
          message: `Save cluster ${name}`,
        },
        secret: { kind: 'keep' },
      }),
    });
  }

  beforeAll(async () => {
    root = makeTempDir('cluster-list-');
    const { url } = createBareTenantRepo(root);
    repo = new TenantStore({
      url,
      readToken: 'read',
      dir: path.join(root, 'clone'),
      git: new GitRunner({ PATH: process.env.PATH ?? '' }),
      logger: pino({ level: 'silent' }),
      refreshMs: 60_000,
    });
    await repo.open();
    const logger = pino({ level: 'silent' });
    const secrets = new JournaledSecretStore(path.join(root, 'secrets'), Buffer.alloc(32), {
      dir: path.join(root, 'journal'),
      stateOf: clusterState(repo),
      logger,
    });
    writer = new ClusterWriter({ store: repo, secrets, logger });
    service = new ClusterService({ repo, writer, logger, generation: apiGenerationV03 });
    await register('b-worker', 'worker');
    await register('a-host', 'host');
  });

  afterAll(async () => {
    await repo?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each<[string, FieldSelector]>([
    ['no selector', {}],
    ['usage=host', { usage: 'host' }],
    ['an empty usage (matches nothing)', { usage: '' }],
    ['cluster_name=a', { cluster_name: 'a' }],
  ])('when listing with %s, then the bytes are JSON.stringify of the list', (_, selector) => {
    const expected = JSON.stringify({ items: service.list(selector) });
    expect(service.listJson(selector).toString('utf8')).toBe(expected);
    expect(service.listJson(selector).toString('utf8')).toBe(expected);
  });

  it('when a cluster is saved, then the next list includes it', async () => {
    const before = service.listJson({}).toString('utf8');
    await register('c-host', 'host');
    const after = JSON.parse(service.listJson({}).toString('utf8')) as {
      items: { name: string }[];
    };
    expect(before).not.toContain('c-host');
    expect(after.items.map((item) => item.name)).toEqual(['a-host', 'b-worker', 'c-host']);
  });
});
