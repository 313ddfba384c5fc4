import { isIP } from 'node:net';
import type { Endpoint, Resolver } from './address-policy';
import type { HostsFile } from './hosts-file';

const DEFAULT_PORTS: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'redis:': 6379,
  'rediss:': 6379,
};

/**
 * The BFF's own and its dependencies' address:port pairs, which no check may reach. Names are
 * resolved once at start and refreshed in the background (with /etc/hosts), never on a check:
 * a check only waits for the first resolution, itself bounded by the lookup's time limit. A
 * refresh that fails keeps the addresses known before (a silent name server must not open them).
 */
export class ProtectedEndpoints {
  private endpoints: Endpoint[] = [];
  private readonly first: Promise<void>;

  constructor(
    private readonly urls: string[],
    private readonly resolver: Resolver,
    private readonly hosts: HostsFile,
    private readonly lookupTimeoutMs: number,
    refreshMs = 60_000,
  ) {
    this.first = this.refresh();
    setInterval(() => void this.refresh(), refreshMs).unref();
  }

  /** The known pairs; waits only for the first resolution. */
  async current(): Promise<Endpoint[]> {
    await this.first;
    return this.endpoints;
  }

  private async refresh(): Promise<void> {
    await this.hosts.reload();
    const found: Endpoint[] = [];
    await Promise.all(
      this.urls.map(async (text) => {
        let url: URL;
        try {
          url = new URL(text);
        } catch {
          return;
        }
        const port = Number(url.port || DEFAULT_PORTS[url.protocol] || 0);
        const host = url.hostname.replace(/^\[|\]$/g, '');
        if (isIP(host)) {
          found.push({ address: host, port });
          return;
        }
        try {
          for (const { address } of await this.resolver(host, this.lookupTimeoutMs)) {
            found.push({ address, port });
          }
        } catch {
          // Not resolved now: the addresses known before are kept below.
        }
      }),
    );
    const known = new Set(found.map((endpoint) => `${endpoint.address} ${endpoint.port}`));
    this.endpoints = [
      ...found,
      ...this.endpoints.filter((endpoint) => !known.has(`${endpoint.address} ${endpoint.port}`)),
    ];
  }
}
