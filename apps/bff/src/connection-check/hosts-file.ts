import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { ResolvedAddress } from './address-policy';

/**
 * /etc/hosts as the connection check honours it: read at start and again with each background
 * refresh of the dependencies' addresses (never on a check), so that names the machine maps
 * itself (the BFF's own `fetch` sees them through getaddrinfo) count for the check and for the
 * list of addresses it refuses. A missing or unreadable file is an empty one.
 */
export class HostsFile {
  private entries = new Map<string, ResolvedAddress[]>();

  constructor(private readonly path = '/etc/hosts') {}

  async reload(): Promise<void> {
    try {
      this.entries = parseHosts(await readFile(this.path, 'utf8'));
    } catch {
      this.entries = new Map();
    }
  }

  lookup(name: string): ResolvedAddress[] {
    return this.entries.get(name.toLowerCase()) ?? [];
  }
}

/** `address name [alias...]`, `#` comments; every address of a name, in file order. */
export function parseHosts(text: string): Map<string, ResolvedAddress[]> {
  const entries = new Map<string, ResolvedAddress[]>();
  for (const line of text.split('\n')) {
    const [address = '', ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    const family = isIP(address);
    if (family === 0 || address.includes('%')) continue;
    for (const name of names) {
      const key = name.toLowerCase();
      const list = entries.get(key) ?? [];
      if (!list.some((entry) => entry.address === address)) list.push({ address, family });
      entries.set(key, list);
    }
  }
  return entries;
}
