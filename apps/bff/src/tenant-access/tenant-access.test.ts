import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantAccess, TenantAccessUnavailableError } from './tenant-access';

/**
 * The cache and the answers' reading, against a loopback GitLab stand-in whose answers the test
 * sets (the real local GitLab cannot fail on demand; tests/tenant-access.test.ts uses it for the
 * rule itself).
 */
let server: Server;
let url: string;
let requests: { authorization: string | undefined; path: string | undefined }[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ authorization: req.headers.authorization, path: req.url });
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function access(now = () => Date.now()) {
  requests = [];
  return new TenantAccess({
    gitlabUrl: url,
    project: 'nautes/tenant-config',
    timeoutMs: 2000,
    now,
  });
}

describe('TenantAccess', () => {
  it('when GitLab reports a project and a group role, then the higher one is the level', async () => {
    answer = {
      status: 200,
      body: {
        permissions: { project_access: { access_level: 10 }, group_access: { access_level: 30 } },
      },
    };
    expect(await access().lookup('t1')).toEqual({ kind: 'level', level: 30 });
    expect(requests).toEqual([
      { authorization: 'Bearer t1', path: '/api/v4/projects/nautes%2Ftenant-config' },
    ]);
  });

  it.each([
    [401, { message: '401 Unauthorized' }, { kind: 'token_refused' }],
    [403, { error: 'insufficient_scope' }, { kind: 'scope_refused' }],
    [
      404,
      { message: '404 Project Not Found' },
      { kind: 'project_not_visible', gitlabMessage: '404 Project Not Found' },
    ],
  ])('when GitLab answers %i, then the answer says why', async (status, body, expected) => {
    answer = { status, body };
    expect(await access().lookup('t')).toEqual(expected);
  });

  it('when the answer is fresh, then it is reused per token; a new token or an old answer asks again', async () => {
    answer = { status: 200, body: { permissions: { project_access: { access_level: 20 } } } };
    let clock = 1_000;
    const service = access(() => clock);
    await service.lookup('a');
    await service.lookup('a');
    expect(requests).toHaveLength(1);
    await service.lookup('b');
    expect(requests).toHaveLength(2);
    clock += 5_001;
    await service.lookup('a');
    expect(requests).toHaveLength(3);
  });

  it('when GitLab fails, then the failure is not remembered', async () => {
    answer = { status: 500, body: {} };
    const service = access();
    await expect(service.lookup('c')).rejects.toBeInstanceOf(TenantAccessUnavailableError);
    answer = { status: 200, body: { permissions: null } };
    expect(await service.lookup('c')).toEqual({ kind: 'level', level: 0 });
    expect(requests).toHaveLength(2);
  });
});
