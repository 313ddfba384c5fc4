import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Addresses and networks as ipaddr.js reads them (the parser Express's proxy-addr uses), with
 * two rules of our own: an address is only what Node's `net.isIP` accepts (dotted quads, not
 * `127.1` or `0x7f.1`, which ipaddr.js would also read), and an IPv6 address with a zone is
 * refused.
 */
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

export interface IpNetwork {
  /** The network's first address. */
  base: IpAddress;
  prefix: number;
  /** As written (normalised), for messages. */
  text: string;
}

const BITS = { ipv4: 32, ipv6: 128 } as const;

/** Parses an address (IPv4, IPv6, IPv6 with a zone is refused); undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  const family = isIP(text);
  if (family === 4) return ipaddr.IPv4.parse(text);
  if (family === 6 && !text.includes('%')) return ipaddr.IPv6.parse(withHexTail(text));
  return undefined;
}

/**
 * An IPv6 address's dotted IPv4 tail as two hex groups: ipaddr.js 2.5 reads any such tail as
 * IPv4-mapped, so `::127.0.0.1` (IPv4-compatible, `::7f00:1`) would become `::ffff:7f00:1`.
 */
function withHexTail(text: string): string {
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (!tail) return text;
  const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
  const group = (high: number, low: number) => ((high << 8) | low).toString(16);
  return `${text.slice(0, tail.index)}${group(a, b)}:${group(c, d)}`;
}

export function familyOf(address: IpAddress): 4 | 6 {
  return address.kind() === 'ipv4' ? 4 : 6;
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}

/** `::ffff:a.b.c.d` (IPv4-mapped) is the IPv4 address itself: the socket connects to that. */
export function unmapIpv4(address: IpAddress): IpAddress {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()
    ? address.toIPv4Address()
    : address;
}

/** The IPv4 address of two 16-bit groups. */
const ipv4 = (high: number, low: number): IpAddress =>
  new ipaddr.IPv4([(high >> 8) & 0xff, high & 0xff, (low >> 8) & 0xff, low & 0xff]);

/**
 * The IPv4 addresses an IPv6 address carries, by the formats that deliver it to that IPv4
 * address (through a translator, a tunnel or the host's own stack): IPv4-compatible `::a.b.c.d`,
 * SIIT `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96` and the local-use `64:ff9b:1::/48` (RFC 6052's
 * /48 layout, around the reserved octet), 6to4 `2002::/16`, and Teredo `2001::/32` (its server
 * and its obfuscated client). Each is judged as well as the IPv6 address itself. ipaddr.js
 * names some of these ranges but extracts only the IPv4-mapped one, so the bits are read here.
 */
export function embeddedIpv4s(address: IpAddress): IpAddress[] {
  if (!(address instanceof ipaddr.IPv6)) return [];
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = address.parts;
  const low = ipv4(p6, p7);
  const zeroUpTo = (end: number) => address.parts.slice(0, end).every((part) => part === 0);
  // ::a.b.c.d, but not :: or ::1.
  if (zeroUpTo(6) && (p6 !== 0 || p7 > 1)) return [low];
  if (zeroUpTo(4) && p4 === 0xffff && p5 === 0) return [low];
  if (p0 === 0x64 && p1 === 0xff9b && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) return [low];
  if (p0 === 0x64 && p1 === 0xff9b && p2 === 1) return [ipv4(p3, ((p4 & 0xff) << 8) | (p5 >> 8))];
  if (p0 === 0x2002) return [ipv4(p1, p2)];
  if (p0 === 0x2001 && p1 === 0) return [ipv4(p2, p3), ipv4(~p6 & 0xffff, ~p7 & 0xffff)];
  return [];
}

/** The address as people write it (RFC 5952 for IPv6). */
export function formatIp(address: IpAddress): string {
  return address.toString();
}

/** Parses `a.b.c.d/n`, `x::y/n`, or a bare address (a /32 or /128). Throws with the text when wrong. */
export function parseNetwork(text: string): IpNetwork {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  const address = parseIp(addressText);
  if (!address || extra !== undefined) throw new Error(`"${text}" is not an IP network (CIDR)`);
  const bits = BITS[address.kind()];
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!/^\d*$/.test(prefixText ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
    throw new Error(`"${text}" has a prefix length outside 0..${bits}`);
  }
  const cidr = `${address.toString()}/${prefix}`;
  const base =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
      : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return { base, prefix, text: `${base.toString()}/${prefix}` };
}

export function contains(network: IpNetwork, address: IpAddress): boolean {
  return network.base.kind() === address.kind() && address.match(network.base, network.prefix);
}
