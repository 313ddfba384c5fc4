import { describe, expect, it } from 'vitest';
import { judgeAddress, resolveTarget, type AddressPolicy, type Resolver } from './address-policy';
import { parseNetwork } from './ip-networks';

/**
 * The policy alone: no socket is opened and no name is really looked up (the resolver is
 * injected), so public, private, link-local and metadata addresses are judged without any
 * traffic leaving this machine.
 */
const byDefault: AddressPolicy = { allowedNetworks: undefined, protectedEndpoints: [] };
const withNetworks = (...networks: string[]): AddressPolicy => ({
  allowedNetworks: networks.map(parseNetwork),
  protectedEndpoints: [],
});

const allowed = (policy: AddressPolicy, address: string, port = 6443) =>
  judgeAddress(policy, address, port).allowed;

const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  (name) => {
    const addresses = table[name];
    if (!addresses) return Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };

describe('judgeAddress by default', () => {
  it.each([
    ['203.0.113.10', 'a public IPv4 address'],
    ['10.0.0.5', 'RFC 1918 10/8'],
    ['172.16.3.4', 'RFC 1918 172.16/12'],
    ['192.168.1.20', 'RFC 1918 192.168/16'],
    ['2001:db8::10', 'a public IPv6 address'],
    ['fd12:3456::1', 'an IPv6 unique local address'],
  ])('when the address is %s (%s), then it is allowed', (address) => {
    expect(allowed(byDefault, address)).toBe(true);
  });

  it.each([
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link-local'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'this network'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'multicast'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64'],
    ['2002:a9fe:a9fe::1', '6to4'],
  ])('when the address is %s, then it is refused as %s', (address, kind) => {
    const verdict = judgeAddress(byDefault, address, 443);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? '' : verdict.reason).toContain(kind);
  });

  it('when the text is no address, then it is refused', () => {
    expect(allowed(byDefault, 'fe80::1%eth0')).toBe(false);
    expect(allowed(byDefault, 'example.org')).toBe(false);
  });
});

describe('judgeAddress: shared, benchmarking and IPv4-carrying ranges (issue 23)', () => {
  it.each([
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.127.255.254', 'shared (carrier-grade NAT)'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['::169.254.169.254', 'IPv4-compatible'],
    ['::a9fe:a9fe', 'IPv4-compatible'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::ffff:0:a9fe:a9fe', 'IPv4-translated'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['64:ff9b:1:a9fe:a9:fe00::', 'local-use NAT64'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
  ])('when the address is %s, then it is refused by default as %s', (address, kind) => {
    const verdict = judgeAddress(byDefault, address, 443);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? '' : verdict.reason).toContain(kind);
  });

  it.each(['100.63.255.255', '100.128.0.1', '198.17.255.255', '198.20.0.1', '2001:1::1'])(
    'when the address %s is just outside those ranges, then it is allowed',
    (address) => {
      expect(allowed(byDefault, address)).toBe(true);
    },
  );

  it.each([
    // Each range opened by the operator: the IPv4 address carried inside is still judged.
    [['::/96', '0.0.0.0/0'], '::169.254.169.254', 'link-local'],
    [['::/96', '10.0.0.0/8'], '::7f00:1', 'outside the networks'],
    [['64:ff9b::/96', '0.0.0.0/0'], '64:ff9b::127.0.0.1', 'loopback'],
    [['64:ff9b:1::/48', '0.0.0.0/0'], '64:ff9b:1:a9fe:a9:fe00::', 'link-local'],
    [['2002::/16', '0.0.0.0/0'], '2002:a9fe:a9fe::1', 'link-local'],
    // Teredo: the server (203.0.113.1) and the client, stored inverted (~169.254.169.254).
    [['2001::/32', '0.0.0.0/0'], '2001:0:cb00:7101::5601:5601', 'link-local'],
    [['2001::/32', '0.0.0.0/0'], '2001:0:7f00:1::', 'loopback'],
  ])(
    'when %j is allowed and the address is %s, then the IPv4 address it carries is judged (%s)',
    (networks, address, kind) => {
      const verdict = judgeAddress(withNetworks(...networks), address, 443);
      expect(verdict.allowed).toBe(false);
      expect(verdict.allowed ? '' : verdict.reason).toContain(kind);
      expect(verdict.allowed ? '' : verdict.reason).toContain('carried inside');
    },
  );

  it('when the range and the IPv4 address it carries are both allowed, then it is allowed', () => {
    const policy = withNetworks('64:ff9b::/96', '203.0.113.0/24');
    expect(allowed(policy, '64:ff9b::203.0.113.10')).toBe(true);
    expect(allowed(policy, '64:ff9b::198.51.100.1')).toBe(false);
  });

  it('when an IPv4-carrying address points at a dependency, then it is refused as the dependency', () => {
    const policy: AddressPolicy = {
      allowedNetworks: [parseNetwork('::/96'), parseNetwork('127.0.0.1/32')],
      protectedEndpoints: [{ address: '127.0.0.1', port: 8929 }],
    };
    expect(allowed(policy, '::127.0.0.1', 8929)).toBe(false);
    expect(allowed(policy, '::127.0.0.1', 6443)).toBe(true);
  });
});

describe('judgeAddress with CONNECTION_CHECK_ALLOWED_NETWORKS', () => {
  it('when networks are listed, then only addresses inside them are allowed', () => {
    const policy = withNetworks('10.20.0.0/16', '2001:db8:1::/48');
    expect(allowed(policy, '10.20.3.4')).toBe(true);
    expect(allowed(policy, '2001:db8:1::9')).toBe(true);
    expect(allowed(policy, '10.21.0.1')).toBe(false);
    expect(allowed(policy, '203.0.113.10')).toBe(false);
    expect(judgeAddress(policy, '10.21.0.1', 1)).toMatchObject({
      reason: expect.stringContaining('CONNECTION_CHECK_ALLOWED_NETWORKS') as unknown,
    });
  });

  it('when loopback is listed explicitly, then loopback is allowed (how the tests reach the stand-in)', () => {
    expect(allowed(withNetworks('127.0.0.1/32'), '127.0.0.1')).toBe(true);
    expect(allowed(withNetworks('127.0.0.0/8'), '127.0.0.2')).toBe(true);
    expect(allowed(withNetworks('::1/128'), '::1')).toBe(true);
  });

  it('when a wide network is listed, then it opens no refused range: metadata and loopback stay refused', () => {
    const policy = withNetworks('0.0.0.0/0', '::/0');
    expect(allowed(policy, '203.0.113.10')).toBe(true);
    expect(allowed(policy, '169.254.169.254')).toBe(false);
    expect(allowed(policy, '127.0.0.1')).toBe(false);
    expect(allowed(policy, 'fd00:ec2::254')).toBe(false);
    expect(allowed(policy, 'fe80::1')).toBe(false);
    expect(allowed(withNetworks('127.0.0.1/32'), '169.254.169.254')).toBe(false);
  });

  it('when the address is the BFF itself or a dependency, then it is refused whatever is listed', () => {
    const policy: AddressPolicy = {
      allowedNetworks: [parseNetwork('127.0.0.0/8')],
      protectedEndpoints: [
        { address: '127.0.0.1', port: 3000 },
        { address: '127.0.0.1', port: 8929 },
      ],
    };
    expect(allowed(policy, '127.0.0.1', 3000)).toBe(false);
    expect(allowed(policy, '::ffff:127.0.0.1', 8929)).toBe(false);
    expect(allowed(policy, '127.0.0.1', 6443)).toBe(true);
  });
});

describe('resolveTarget', () => {
  const resolver = resolverOf({
    'cluster.example': ['203.0.113.10'],
    'metadata.example': ['169.254.169.254'],
    'mixed.example': ['203.0.113.10', '127.0.0.1'],
    'v6-link-local.example': ['fe80::1'],
    'v6-metadata.example': ['fd00:ec2::254'],
    'mapped.example': ['::ffff:169.254.169.254'],
    'empty.example': [],
  });

  it('when a name resolves to a public address, then that address is the one to use', async () => {
    expect(await resolveTarget(byDefault, resolver, 'cluster.example', 443)).toMatchObject({
      ok: true,
      address: '203.0.113.10',
      family: 4,
    });
  });

  it.each(['metadata.example', 'v6-link-local.example', 'v6-metadata.example', 'mapped.example'])(
    'when %s resolves to a refused address, then the name is refused before any socket opens',
    async (name) => {
      const resolution = await resolveTarget(byDefault, resolver, name, 443);
      expect(resolution.ok).toBe(false);
      expect(resolution.ok ? '' : resolution.reason).toContain(`${name} resolves to it`);
    },
  );

  it('when a name is refused, then its answer does not echo the address it resolved to', async () => {
    for (const name of ['metadata.example', 'mixed.example', 'mapped.example']) {
      const resolution = await resolveTarget(byDefault, resolver, name, 443);
      expect(resolution.ok ? '' : resolution.reason).not.toMatch(/169\.254|127\.0|a9fe|ffff/);
    }
    expect(
      (await resolveTarget(byDefault, resolver, 'metadata.example', 443)).ok ? '' : 'refused',
    ).toBe('refused');
  });

  it("when a name resolves to one of the console's dependencies, then it is refused without saying which or where", async () => {
    const policy: AddressPolicy = {
      allowedNetworks: undefined,
      protectedEndpoints: [{ address: '10.0.0.7', port: 6379 }],
    };
    const inside = resolverOf({ 'innocent.example': ['10.0.0.7'] });
    const resolution = await resolveTarget(policy, inside, 'innocent.example', 6379);
    expect(resolution.ok).toBe(false);
    const reason = resolution.ok ? '' : resolution.reason;
    expect(reason).toContain('innocent.example resolves to it');
    expect(reason).not.toContain('10.0.0.7');
    expect(reason).not.toMatch(/console's own|services|redis|gitlab|6379/i);
    // The same address written by hand is refused as the console's own (the user wrote it).
    expect(judgeAddress(policy, '10.0.0.7', 6379)).toMatchObject({
      reason: expect.stringContaining(
        "the console's own address or one of its services",
      ) as unknown,
    });
  });

  it('when a name resolves to a good and a refused address, then it is refused (no picking)', async () => {
    const resolution = await resolveTarget(byDefault, resolver, 'mixed.example', 443);
    expect(resolution).toMatchObject({ ok: false, addresses: ['203.0.113.10', '127.0.0.1'] });
  });

  it('when the name does not resolve or resolves to nothing, then it says so', async () => {
    expect(await resolveTarget(byDefault, resolver, 'nowhere.example', 443)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not resolve') as unknown,
    });
    expect(await resolveTarget(byDefault, resolver, 'empty.example', 443)).toMatchObject({
      ok: false,
    });
  });

  it('when the host is an address (IPv6 in brackets too), then the resolver is not asked', async () => {
    let asked = 0;
    const counting: Resolver = (name) => {
      asked += 1;
      return resolver(name);
    };
    expect((await resolveTarget(byDefault, counting, '[fe80::1]', 443)).ok).toBe(false);
    expect((await resolveTarget(byDefault, counting, '169.254.169.254', 80)).ok).toBe(false);
    expect((await resolveTarget(byDefault, counting, '[2001:db8::1]', 443)).ok).toBe(true);
    expect(asked).toBe(0);
  });

  it('when the resolver is asked, then it is asked once per check', async () => {
    let asked = 0;
    const counting: Resolver = (name) => {
      asked += 1;
      return resolver(name);
    };
    await resolveTarget(byDefault, counting, 'cluster.example', 443);
    expect(asked).toBe(1);
  });
});

describe('parseNetwork', () => {
  it('when a network is written loosely, then it is normalised, and nonsense throws with the text', () => {
    expect(parseNetwork('10.1.2.3/8').text).toBe('10.0.0.0/8');
    expect(parseNetwork('127.0.0.1').text).toBe('127.0.0.1/32');
    expect(parseNetwork('fd00:ec2::254').prefix).toBe(128);
    expect(() => parseNetwork('10.0.0.0/33')).toThrow('10.0.0.0/33');
    expect(() => parseNetwork('cluster.example/24')).toThrow('cluster.example/24');
  });
});
