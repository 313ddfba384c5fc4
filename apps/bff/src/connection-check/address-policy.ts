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
export const REFUSED_NETWORKS: readonly { network: IpNetwork; why: string }[] = [
  ['0.0.0.0/8', 'a "this network" address'],
  ['127.0.0.0/8', 'a loopback address (this machine)'],
  ['169.254.0.0/16', 'a link-local address (where cloud metadata services answer)'],
  ['100.100.100.200/32', 'a cloud metadata address'],
  ['100.64.0.0/10', 'a shared (carrier-grade NAT) address'],
  ['192.0.0.0/24', 'an IETF protocol address'],
  ['198.18.0.0/15', 'a benchmarking address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['240.0.0.0/4', 'a reserved address'],
  ['::/128', 'the unspecified address'],
  ['::1/128', 'a loopback address (this machine)'],
  ['fe80::/10', 'a link-local address'],
  ['fd00:ec2::254/128', 'a cloud metadata address'],
  ['ff00::/8', 'a multicast address'],
  ['::/96', 'an IPv4-compatible IPv6 address (deprecated; it reaches IPv4 addresses unchecked)'],
  ['::ffff:0:0:0/96', 'an IPv4-translated address (it reaches IPv4 addresses unchecked)'],
  ['64:ff9b::/96', 'a NAT64 address (it reaches IPv4 addresses unchecked)'],
  ['64:ff9b:1::/48', 'a local-use NAT64 address (it reaches IPv4 addresses unchecked)'],
  ['2002::/16', 'a 6to4 address (it reaches IPv4 addresses unchecked)'],
  ['2001::/32', 'a Teredo address (it reaches IPv4 addresses unchecked)'],
].map(([text = '', why = '']) => ({ network: parseNetwork(text), why }));

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
      /** What kind of address, not naming it: for a name's answer (unset for protected ones). */
      kind?: string;
      protected?: boolean;
    };

/**
 * Whether `address:port` may be connected to. An IPv6 address that carries an IPv4 address
 * (embeddedIpv4s) is judged as itself and as each IPv4 address it carries: all must pass.
 * `protected: true` marks a refusal because the endpoint is the console's own or a dependency's,
 * so that a name's answer can leave that unconfirmed.
 */
export function judgeAddress(policy: AddressPolicy, addressText: string, port: number): Verdict {
  const parsed = parseIp(addressText);
  if (!parsed) return { allowed: false, reason: `${addressText} is not an IP address` };
  const address = unmapIpv4(parsed);
  const own = judgeOne(policy, address, port);
  if (!own.allowed) return own;
  for (const carried of embeddedIpv4s(address)) {
    const verdict = judgeOne(policy, carried, port);
    if (!verdict.allowed) {
      return { ...verdict, reason: `${verdict.reason} (carried inside ${formatIp(address)})` };
    }
  }
  return { allowed: true };
}

function judgeOne(policy: AddressPolicy, address: IpAddress, port: number): Verdict {
  const shown = formatIp(address);
  for (const endpoint of policy.protectedEndpoints) {
    const other = parseIp(endpoint.address);
    if (other && endpoint.port === port && sameAddress(unmapIpv4(other), address)) {
      return {
        allowed: false,
        protected: true,
        reason: `${shown}:${port} is the console's own address or one of its services`,
      };
    }
  }
  const listed = policy.allowedNetworks?.filter((network) => contains(network, address));
  if (listed && listed.length === 0) {
    return {
      allowed: false,
      reason: `${shown} is outside the networks the console may check (CONNECTION_CHECK_ALLOWED_NETWORKS)`,
      kind: 'an address outside the networks the console may check (CONNECTION_CHECK_ALLOWED_NETWORKS)',
    };
  }
  for (const refused of REFUSED_NETWORKS) {
    if (!contains(refused.network, address)) continue;
    const opened = listed?.some((network) => network.prefix >= refused.network.prefix);
    if (!opened) {
      return {
        allowed: false,
        reason: `${shown} is ${refused.why}; the console does not check such addresses unless CONNECTION_CHECK_ALLOWED_NETWORKS names it`,
        kind: `${refused.why}, which the console does not check unless CONNECTION_CHECK_ALLOWED_NETWORKS names it`,
      };
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
  | { ok: false; reason: string; addresses: string[] };

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
      return { ok: false, reason: lookupFailure(bare, error, timeoutMs), addresses: [] };
    }
  }
  const texts = addresses.map((entry) => entry.address);
  if (addresses.length === 0) {
    return { ok: false, reason: `The name ${bare} resolves to no address.`, addresses: texts };
  }
  for (const entry of addresses) {
    const verdict = judgeAddress(policy, entry.address, port);
    if (verdict.allowed) continue;
    if (entry.address === bare) {
      return { ok: false, reason: `Refused: ${verdict.reason}.`, addresses: texts };
    }
    // A name's answer names neither the address nor, for the console's own services, that it
    // is one: the check must not become a way to learn what a name resolves to inside, or
    // which address is the console's database.
    return {
      ok: false,
      reason: `Refused: ${verdict.kind ?? 'an address and port the console does not check'}, and ${bare} resolves to it.`,
      addresses: texts,
    };
  }
  const first = addresses[0] as ResolvedAddress;
  return {
    ok: true,
    address: first.address,
    family: first.family === 6 ? 6 : 4,
    addresses: texts,
  };
}

function lookupFailure(name: string, error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'ENODATA') {
    return `The name ${name} does not resolve (DNS has no address for it).`;
  }
  if (code === 'ETIMEOUT' || code === 'ECANCELLED') {
    return `The name ${name} did not resolve in time: no DNS answer within ${Math.round(timeoutMs / 100) / 10} s. Check the name, or use the API server's address.`;
  }
  return `The name ${name} could not be resolved${code ? ` (${code})` : ''}.`;
}
