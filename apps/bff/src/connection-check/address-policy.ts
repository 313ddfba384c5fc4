import {
  contains,
  embeddedIpv4s,
  familyOf,
  formatIp,
  parseIp,
  parseNetwork,
  sameAddress,
  unmapIpv4,
  type IpAddress,
  type IpNetwork,
} from './ip-networks';
import type { CheckParams } from '@cluster-console/shared';
import { said, type Said } from './check-words';

/**
 * Which addresses the connection check may connect to: a pure module (no sockets, no DNS of its
 * own: the resolver is injected), so every rule is tested without connecting anywhere.
 *
 * - Refused by default: loopback, "this network", link-local (the cloud metadata services live
 *   there: 169.254.169.254, fd00:ec2::254), multicast and broadcast, and the other special ranges
 *   below. Private networks (10/8, 172.16/12, 192.168/16, fc00::/7) are allowed: that is where
 *   clusters live.
 * - `CONNECTION_CHECK_ALLOWED_NETWORKS` set: only addresses in those networks. A refused range is
 *   opened only by a listed network no wider than it (127.0.0.1/32 opens that loopback address;
 *   0.0.0.0/0 opens no refused range).
 * - Always refused, whatever the setting: the BFF's own listening address and its dependencies'
 *   (GitLab, the clusters API, Redis), by address and port.
 */
export const REFUSED_NETWORKS: readonly { network: IpNetwork; range: string }[] = [
  ['0.0.0.0/8', 'this_network'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link_local_metadata'],
  ['100.100.100.200/32', 'cloud_metadata'],
  ['100.64.0.0/10', 'shared_nat'],
  ['192.0.0.0/24', 'ietf_protocol'],
  ['198.18.0.0/15', 'benchmarking'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fe80::/10', 'link_local'],
  ['fd00:ec2::254/128', 'cloud_metadata'],
  ['ff00::/8', 'multicast'],
  ['::/96', 'ipv4_compatible'],
  ['::ffff:0:0:0/96', 'ipv4_translated'],
  ['64:ff9b::/96', 'nat64'],
  ['64:ff9b:1::/48', 'nat64_local'],
  ['2002::/16', 'six_to_four'],
  ['2001::/32', 'teredo'],
  // What each range is, in words: `ranges.<range>` in the check's words (CHECK_TEXTS_EN).
].map(([text = '', range = '']) => ({ network: parseNetwork(text), range: `ranges.${range}` }));

export interface Endpoint {
  address: string;
  port: number;
}

export interface AddressPolicy {
  /** Undefined: any address not refused. */
  allowedNetworks: IpNetwork[] | undefined;
  /** Address and port pairs never to connect to (the BFF itself and its dependencies). */
  protectedEndpoints: Endpoint[];
}

export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Names the address: for an address the user wrote. */
      reason: string;
      /** The reason as params of the check's words (`reason_code`: a key of `reasons`). */
      why: CheckParams;
      /** What kind of address, not naming it: for a name's answer (unset for protected ones). */
      kind?: string;
      protected?: boolean;
    };

/** A refusal: the reason in words (English) from its params, and the kind it falls under. */
function refused(why: CheckParams, extra: { kind?: string; protected?: boolean } = {}): Verdict {
  return { allowed: false, reason: said('reasons.say', why).message, why, ...extra };
}

/**
 * Whether `address:port` may be connected to. An IPv6 address that carries an IPv4 address
 * (embeddedIpv4s) is judged as itself and as each IPv4 address it carries: all must pass.
 * `protected: true` marks a refusal because the endpoint is the console's own or a dependency's,
 * so that a name's answer can leave that unconfirmed.
 */
export function judgeAddress(policy: AddressPolicy, addressText: string, port: number): Verdict {
  const parsed = parseIp(addressText);
  if (!parsed) return refused({ reason_code: 'reasons.not_ip', address: addressText });
  const address = unmapIpv4(parsed);
  const own = judgeOne(policy, address, port);
  if (!own.allowed) return own;
  for (const carried of embeddedIpv4s(address)) {
    const verdict = judgeOne(policy, carried, port);
    if (!verdict.allowed) {
      const why = { ...verdict.why, carried_code: 'reasons.carried', carrier: formatIp(address) };
      return { ...verdict, reason: said('reasons.say', why).message, why };
    }
  }
  return { allowed: true };
}

function judgeOne(policy: AddressPolicy, address: IpAddress, port: number): Verdict {
  const shown = formatIp(address);
  for (const endpoint of policy.protectedEndpoints) {
    const other = parseIp(endpoint.address);
    if (other && endpoint.port === port && sameAddress(unmapIpv4(other), address)) {
      return refused(
        { reason_code: 'reasons.protected', address: shown, port },
        { protected: true },
      );
    }
  }
  const listed = policy.allowedNetworks?.filter((network) => contains(network, address));
  if (listed && listed.length === 0) {
    const why = { reason_code: 'reasons.outside_allowed', address: shown };
    return refused(why, { kind: 'kinds.outside_allowed' });
  }
  for (const range of REFUSED_NETWORKS) {
    if (!contains(range.network, address)) continue;
    const opened = listed?.some((network) => network.prefix >= range.network.prefix);
    if (!opened) {
      const why = { reason_code: 'reasons.refused_range', address: shown, range_code: range.range };
      return refused(why, { kind: 'kinds.refused_range' });
    }
  }
  return { allowed: true };
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Looks a name up (all addresses) within `timeoutMs`; dns-lookup.ts in production (c-ares, never
 * the thread pool). Rejects with a `code`: ENOTFOUND/ENODATA, or ETIMEOUT when out of time.
 */
export type Resolver = (hostname: string, timeoutMs?: number) => Promise<ResolvedAddress[]>;

export type Resolution =
  | { ok: true; address: string; family: 4 | 6; addresses: string[] }
  | { ok: false; reason: string; words: Said; addresses: string[] };

function failed(words: Said, addresses: string[]): Resolution {
  return { ok: false, reason: words.message, words, addresses };
}

/**
 * Resolves `hostname` once and judges every address it resolves to: one refused address refuses
 * the name (a name that also points inside is not checked). The first address is the one to use,
 * and the only one: the connection is made to it, never to a second lookup (no DNS rebinding).
 */
export async function resolveTarget(
  policy: AddressPolicy,
  resolver: Resolver,
  hostname: string,
  port: number,
  /** The time the lookup may take (the check's step, within its deadline). */
  timeoutMs = 5000,
): Promise<Resolution> {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  let addresses: ResolvedAddress[];
  const literal = parseIp(bare);
  if (literal) {
    addresses = [{ address: bare, family: familyOf(literal) }];
  } else {
    try {
      addresses = await resolver(bare, timeoutMs);
    } catch (error) {
      return failed(lookupFailure(bare, error, timeoutMs), []);
    }
  }
  const texts = addresses.map((entry) => entry.address);
  if (addresses.length === 0) {
    return failed(said('dns.no_address', { name: bare }), texts);
  }
  for (const entry of addresses) {
    const verdict = judgeAddress(policy, entry.address, port);
    if (verdict.allowed) continue;
    if (entry.address === bare) {
      return failed(said('reachable.address_refused', verdict.why), texts);
    }
    // A name's answer names neither the address nor, for the console's own services, that it
    // is one: the check must not become a way to learn what a name resolves to inside, or
    // which address is the console's database.
    const kind = verdict.kind ?? 'kinds.protected';
    const range = kind === 'kinds.refused_range' ? verdict.why.range_code : undefined;
    const words = said('reachable.name_refused', {
      kind_code: kind,
      range_code: range,
      name: bare,
    });
    return failed(words, texts);
  }
  const first = addresses[0] as ResolvedAddress;
  return {
    ok: true,
    address: first.address,
    family: first.family === 6 ? 6 : 4,
    addresses: texts,
  };
}

function lookupFailure(name: string, error: unknown, timeoutMs: number): Said {
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'ENODATA') return said('dns.not_found', { name });
  if (code === 'ETIMEOUT' || code === 'ECANCELLED') {
    return said('dns.timeout', { name, seconds: Math.round(timeoutMs / 100) / 10 });
  }
  return code ? said('dns.failed_code', { name, error: code }) : said('dns.failed', { name });
}
