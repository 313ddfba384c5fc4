import { Resolver as DnsResolver } from 'node:dns/promises';
import type { ResolvedAddress, Resolver } from './address-policy';
import type { HostsFile } from './hosts-file';

export interface DnsLookupOptions {
  /** `CONNECTION_CHECK_DNS_SERVERS` (`ip` or `ip:port`); undefined: the system's (/etc/resolv.conf). */
  servers: string[] | undefined;
  hosts: HostsFile;
}

/** An error whose code resolveTarget turns into "did not resolve in time". */
export const DNS_TIMEOUT = 'ETIMEOUT';

/**
 * Every lookup of the connection check: never Node's `dns.lookup` (getaddrinfo runs on libuv's
 * small shared thread pool, where a silent name server would hold threads that static files
 * and other work wait for), but c-ares (`dns.promises.Resolver`, sockets on the event loop) with
 * the time it is given as a hard limit: the query is cancelled when it runs out.
 *
 * Order: an IP literal is itself (resolveTarget never asks); `localhost` and `*.localhost` are
 * loopback (RFC 6761) without DNS; then /etc/hosts (HostsFile); then DNS, A and AAAA together.
 */
export function dnsLookup(options: DnsLookupOptions): Resolver {
  return async (hostname, timeoutMs = 5000) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) {
      return [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ];
    }
    const mapped = options.hosts.lookup(name);
    if (mapped.length > 0) return mapped;
    return queryDns(name, options.servers, timeoutMs);
  };
}

async function queryDns(
  name: string,
  servers: string[] | undefined,
  timeoutMs: number,
): Promise<ResolvedAddress[]> {
  // One resolver per lookup, so that cancelling it at the deadline cancels only this lookup.
  const resolver = new DnsResolver({ timeout: Math.max(1, Math.floor(timeoutMs)), tries: 1 });
  if (servers) resolver.setServers(servers);
  let timer: NodeJS.Timeout | undefined = undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      resolver.cancel();
      reject(Object.assign(new Error(`no DNS answer for ${name}`), { code: DNS_TIMEOUT }));
    }, timeoutMs);
  });
  try {
    const [v4, v6] = await Promise.race([
      Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]),
      deadline,
    ]);
    const addresses = [
      ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 })) : []),
    ];
    if (addresses.length > 0) return addresses;
    const failure = (
      v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : undefined
    ) as Error | undefined;
    if (failure) throw failure;
    return [];
  } finally {
    clearTimeout(timer);
  }
}
