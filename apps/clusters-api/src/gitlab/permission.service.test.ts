/**
 * The permission rules against the real local GitLab (with extra users and a project whose
 * main is not protected), seen through a counting HTTP relay to check the cache.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../scripts/lib/app-process';
import { makeTempDir } from '../../tests/helpers/git-fixtures';
import { startLocalGitLab, type LocalGitLab } from '../../tests/helpers/stack';
import { ApiError } from '../http/api-error';
import { GitLabClient } from './gitlab.client';
import { PermissionService } from './permission.service';

interface UsersFile {
  users: Record<string, unknown>[];
  projects: Record<string, unknown>[];
  deploy_tokens: unknown[];
}

function usersFile(dir: string): string {
  const base = JSON.parse(
    readFileSync(path.join(repoRoot, 'apps/local-gitlab/users.json'), 'utf8'),
  ) as UsersFile;
  const user = (id: number, username: string) => ({
    id,
    username,
    password: username,
    name: `Local ${username}`,
    email: `${username}@local-gitlab.test`,
    personal_access_tokens: [{ name: 'local', token: `glpat-local-${username}`, scopes: ['api'] }],
  });
  base.users.push(user(10, 'guest'), user(11, 'reporter'));
  base.users.push({
    ...user(13, 'readonly'),
    personal_access_tokens: [
      { name: 'local', token: 'glpat-local-readonly', scopes: ['read_repository'] },
    ],
  });
  const tenant = base.projects[0] as { members: { username: string; access_level: number }[] };
  tenant.members.push(
    { username: 'guest', access_level: 10 },
    { username: 'reporter', access_level: 20 },
    { username: 'readonly', access_level: 40 },
  );
  base.projects.push({
    id: 2,
    path_with_namespace: 'team/open-config',
    name: 'open-config',
    members: [{ username: 'developer', access_level: 30 }],
    protected_branches: [],
  });
  const file = path.join(dir, 'users.json');
  writeFileSync(file, JSON.stringify(base));
  return file;
}

/** Forwards to the local GitLab and counts requests, or hangs when told to. */
function startRelay(target: string): Promise<{
  url: string;
  count: () => number;
  reset: () => void;
  hang: (on: boolean) => void;
  server: Server;
}> {
  let requests = 0;
  let hanging = false;
  const server = createServer((req, res) => {
    requests += 1;
    if (hanging) return; // never answers
    void fetch(`${target}${req.url ?? ''}`, {
      headers: { authorization: req.headers.authorization ?? '' },
    }).then(async (upstream) => {
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        count: () => requests,
        reset: () => void (requests = 0),
        hang: (on) => void (hanging = on),
        server,
      });
    });
  });
}

describe('PermissionService', () => {
  let dir: string;
  let gitlab: LocalGitLab;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let now = 0;

  const service = (
    options: { project?: string; cacheMs?: number; timeoutMs?: number; baseUrl?: string } = {},
  ) =>
    new PermissionService({
      client: new GitLabClient({
        baseUrl: options.baseUrl ?? relay.url,
        timeoutMs: options.timeoutMs ?? 3_000,
      }),
      project: options.project ?? 'nautes/tenant-config',
      gitlabHost: '127.0.0.1',
      cacheMs: options.cacheMs ?? 5_000,
      now: () => now,
    });

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  beforeAll(async () => {
    dir = makeTempDir();
    gitlab = await startLocalGitLab({ USERS_FILE: usersFile(dir) });
    relay = await startRelay(gitlab.url);
  });

  afterAll(async () => {
    relay?.server.closeAllConnections();
    relay?.server.close();
    await gitlab?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    relay.reset();
    relay.hang(false);
    now = 1_000_000;
  });

  it('when the maintainer asks to write, then they are allowed, with name and e-mail from GitLab', async () => {
    const caller = await service().authorize('glpat-local-maintainer', 'write');
    expect(caller).toMatchObject({
      username: 'maintainer',
      name: 'Local Maintainer',
      email: 'maintainer@local-gitlab.test',
      accessLevel: 40,
      pushLevel: 40,
    });
  });

  it('when the developer asks, then reading is allowed and writing to protected main is not', async () => {
    await expect(service().authorize('glpat-local-developer', 'read')).resolves.toMatchObject({
      accessLevel: 30,
    });
    const error = await refusal(service().authorize('glpat-local-developer', 'write'));
    expect(error).toMatchObject({ status: 403, reason: 'NO_AUTHORIZATION' });
    expect(error.message).toContain('Maintainer');
  });

  it('when main is not protected, then a developer may write', async () => {
    await expect(
      service({ project: 'team/open-config' }).authorize('glpat-local-developer', 'write'),
    ).resolves.toMatchObject({
      pushLevel: 30,
    });
  });

  it('when a reporter or a guest asks, then a reporter may read only and a guest nothing', async () => {
    await expect(service().authorize('glpat-local-reporter', 'read')).resolves.toMatchObject({
      accessLevel: 20,
    });
    expect((await refusal(service().authorize('glpat-local-reporter', 'write'))).status).toBe(403);
    expect((await refusal(service().authorize('glpat-local-guest', 'read'))).message).toContain(
      'Reporter',
    );
  });

  it('when the outsider asks, then 403 saying they are not a member', async () => {
    const error = await refusal(service().authorize('glpat-local-outsider', 'read'));
    expect(error).toMatchObject({ status: 403, reason: 'NO_AUTHORIZATION' });
    expect(error.message).toContain('not a member');
  });

  it('when the token is unknown, then 401', async () => {
    expect(await refusal(service().authorize('glpat-unknown-token', 'read'))).toMatchObject({
      status: 401,
      reason: 'UNAUTHENTICATED',
    });
  });

  it('when the token lacks the API scope, then 403 naming the scope', async () => {
    const error = await refusal(service().authorize('glpat-local-readonly', 'read'));
    expect(error).toMatchObject({ status: 403, reason: 'NO_AUTHORIZATION' });
    expect(error.message).toContain('scope');
  });

  it('when asked again within the cache time, then GitLab is not asked again; after it, it is', async () => {
    const permissions = service({ cacheMs: 5_000 });
    await permissions.authorize('glpat-local-maintainer', 'write');
    const first = relay.count();
    expect(first).toBe(3);
    await Promise.all([
      permissions.authorize('glpat-local-maintainer', 'read'),
      permissions.authorize('glpat-local-maintainer', 'write'),
    ]);
    expect(relay.count()).toBe(first);
    now += 5_001;
    await permissions.authorize('glpat-local-maintainer', 'write');
    expect(relay.count()).toBe(first * 2);
  });

  it('when many requests with one token arrive at once, then they share one round of calls', async () => {
    const permissions = service();
    await Promise.all(
      Array.from({ length: 10 }, () => permissions.authorize('glpat-local-developer', 'read')),
    );
    expect(relay.count()).toBe(3);
  });

  it('when a cache time over 60 s is configured, then answers are reused 60 s at most', async () => {
    const permissions = service({ cacheMs: 3_600_000 });
    await permissions.authorize('glpat-local-maintainer', 'read');
    now += 60_001;
    await permissions.authorize('glpat-local-maintainer', 'read');
    expect(relay.count()).toBe(6);
  });

  it('when GitLab does not answer in time, then 503 quickly, and the failure is not cached', async () => {
    relay.hang(true);
    const permissions = service({ timeoutMs: 300 });
    const started = Date.now();
    expect(await refusal(permissions.authorize('glpat-local-maintainer', 'read'))).toMatchObject({
      status: 503,
      reason: 'UPSTREAM_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    relay.hang(false);
    await expect(permissions.authorize('glpat-local-maintainer', 'read')).resolves.toMatchObject({
      username: 'maintainer',
    });
  });

  it('when GitLab cannot be reached, then 503', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await refusal(
      service({ baseUrl: `http://127.0.0.1:${port}` }).authorize('glpat-local-maintainer', 'read'),
    );
    expect(error).toMatchObject({ status: 503, reason: 'UPSTREAM_UNAVAILABLE' });
  });
});
