import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget, type Resolver } from './address-policy';
import { dnsLookup } from './dns-lookup';
import { HostsFile } from './hosts-file';
import { ProtectedEndpoints } from './protected-endpoints';

/** The check's lookups against a name server on 127.0.0.1 that never answers. */
let silent: Socket;
let servers: string[];
const dir = mkdtempSync(path.join(os.tmpdir(), 'dns-lookup-'));
const hostsPath = path.join(dir, 'hosts');

beforeAll(async () => {
  silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  servers = [`127.0.0.1:${silent.address().port}`];
  writeFileSync(
    hostsPath,
    '# test\n10.9.8.7  cluster.hosts.test  alias.hosts.test\n::1 v6.hosts.test\n',
  );
});
afterAll(() => {
  silent?.close();
  rmSync(dir, { recursive: true, force: true });
});

const policy = { allowedNetworks: undefined, protectedEndpoints: [] };

describe('dnsLookup', () => {
  it('when the name server never answers, then the lookup stops at its time limit and the check says so', async () => {
    const lookup = dnsLookup({ servers, hosts: new HostsFile(hostsPath) });
    const started = Date.now();
    const resolution = await resolveTarget(policy, lookup, 'cluster.silent.test', 6443, 400);
    const took = Date.now() - started;
    expect(resolution).toMatchObject({ ok: false });
    expect(resolution.ok ? '' : resolution.reason).toContain(
      'The name cluster.silent.test did not resolve in time: no DNS answer within 0.4 s',
    );
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(1500);
  });

  it('when the name is localhost (or under it), then no name server is asked', async () => {
    const lookup = dnsLookup({ servers, hosts: new HostsFile(hostsPath) });
    expect(await lookup('localhost', 100)).toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    expect((await lookup('API.Localhost.', 100))[0]?.address).toBe('127.0.0.1');
  });

  it('when /etc/hosts maps the name, then that is the answer, read at reload and not per lookup', async () => {
    const hosts = new HostsFile(hostsPath);
    await hosts.reload();
    const lookup = dnsLookup({ servers, hosts });
    expect(await lookup('alias.hosts.test', 100)).toEqual([{ address: '10.9.8.7', family: 4 }]);
    expect(await lookup('V6.hosts.test', 100)).toEqual([{ address: '::1', family: 6 }]);
  });
});

describe('ProtectedEndpoints', () => {
  it('when dependencies are named, then they are resolved once at start, not on each check, and a failed refresh keeps what was known', async () => {
    const asked: string[] = [];
    let answer: 'ok' | 'fail' = 'ok';
    const resolver: Resolver = (name) => {
      asked.push(name);
      return answer === 'ok'
        ? Promise.resolve([{ address: '10.0.0.7', family: 4 }])
        : Promise.reject(Object.assign(new Error('silent'), { code: 'ETIMEOUT' }));
    };
    const endpoints = new ProtectedEndpoints(
      ['http://gitlab.internal:8929', 'http://127.0.0.1:3000', 'redis://redis.internal'],
      resolver,
      new HostsFile(hostsPath),
      500,
      50,
    );
    for (let i = 0; i < 5; i += 1) await endpoints.current();
    expect(asked.sort()).toEqual(['gitlab.internal', 'redis.internal']);
    expect(await endpoints.current()).toEqual(
      expect.arrayContaining([
        { address: '10.0.0.7', port: 8929 },
        { address: '127.0.0.1', port: 3000 },
        { address: '10.0.0.7', port: 6379 },
      ]),
    );
    answer = 'fail';
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(asked.length).toBeGreaterThan(2);
    expect(await endpoints.current()).toEqual(
      expect.arrayContaining([{ address: '10.0.0.7', port: 8929 }]),
    );
  });

  it('when the name server is silent at start, then the first check waits at most the lookup limit', async () => {
    const endpoints = new ProtectedEndpoints(
      ['http://gitlab.silent.test:8929'],
      dnsLookup({ servers, hosts: new HostsFile(hostsPath) }),
      new HostsFile(hostsPath),
      300,
    );
    const started = Date.now();
    expect(await endpoints.current()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
