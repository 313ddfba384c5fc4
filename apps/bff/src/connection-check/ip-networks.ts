import { isIP } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface IpNetwork {
  family: 4 | 6;
  base: bigint;
  prefix: number;
  /** As written (normalised), for messages. */
  text: string;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string): bigint {
  let source = text.toLowerCase();
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(source);
  if (v4?.[1]) {
    const tail = parseIpv4(v4[1]);
    source = `${source.slice(0, -v4[1].length)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = source.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [
    ...headGroups,
    ...Array<string>(rest === undefined ? 0 : missing).fill('0'),
    ...tailGroups,
  ];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** Parses an address (IPv4, IPv6, IPv6 with a zone is refused); undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  const family = isIP(text);
  if (family === 4) return { family: 4, value: parseIpv4(text) };
  if (family === 6 && !text.includes('%')) return { family: 6, value: parseIpv6(text) };
  return undefined;
}

/** `::ffff:a.b.c.d` (IPv4-mapped) is the IPv4 address itself: the socket connects to that. */
export function unmapIpv4(address: IpAddress): IpAddress {
  if (address.family === 6 && address.value >> 32n === 0xffffn) {
    return { family: 4, value: address.value & 0xffffffffn };
  }
  return address;
}

const V4_MASK = 0xffffffffn;
const ipv4 = (value: bigint): IpAddress => ({ family: 4, value: value & V4_MASK });
const prefixOf = (address: IpAddress, bits: number): bigint => address.value >> BigInt(128 - bits);

/**
 * The IPv4 addresses an IPv6 address carries, by the formats that deliver it to that IPv4
 * address (through a translator, a tunnel or the host's own stack): IPv4-compatible `::a.b.c.d`,
 * SIIT `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96` and the local-use `64:ff9b:1::/48` (RFC 6052's
 * /48 layout, around the reserved octet), 6to4 `2002::/16`, and Teredo `2001::/32` (its server
 * and its obfuscated client). Each is judged as well as the IPv6 address itself.
 */
export function embeddedIpv4s(address: IpAddress): IpAddress[] {
  if (address.family !== 6) return [];
  const low = address.value & V4_MASK;
  if (prefixOf(address, 96) === 0n && address.value > 1n) return [ipv4(low)];
  if (prefixOf(address, 96) === 0xffff0000n) return [ipv4(low)];
  if (prefixOf(address, 96) === 0x0064ff9b0000000000000000n) return [ipv4(low)];
  if (prefixOf(address, 48) === 0x0064ff9b0001n) {
    const high = (address.value >> 64n) & 0xffffn;
    const rest = (address.value >> 40n) & 0xffffn;
    return [ipv4((high << 16n) | rest)];
  }
  if (prefixOf(address, 16) === 0x2002n) return [ipv4(address.value >> 80n)];
  if (prefixOf(address, 32) === 0x20010000n) {
    return [ipv4(address.value >> 64n), ipv4(~low)];
  }
  return [];
}

export function formatIp(address: IpAddress): string {
  if (address.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join('.');
  }
  const groups = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(((address.value >> shift) & 0xffffn).toString(16));
  }
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** Parses `a.b.c.d/n`, `x::y/n`, or a bare address (a /32 or /128). Throws with the text when wrong. */
export function parseNetwork(text: string): IpNetwork {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  const address = parseIp(addressText);
  if (!address || extra !== undefined) throw new Error(`"${text}" is not an IP network (CIDR)`);
  const bits = BITS[address.family];
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!/^\d*$/.test(prefixText ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
    throw new Error(`"${text}" has a prefix length outside 0..${bits}`);
  }
  const mask = maskOf(address.family, prefix);
  return {
    family: address.family,
    base: address.value & mask,
    prefix,
    text: `${formatIp({ family: address.family, value: address.value & mask })}/${prefix}`,
  };
}

function maskOf(family: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[family]);
  const all = (1n << bits) - 1n;
  return (all << (bits - BigInt(prefix))) & all;
}

export function contains(network: IpNetwork, address: IpAddress): boolean {
  return (
    network.family === address.family &&
    (address.value & maskOf(network.family, network.prefix)) === network.base
  );
}
