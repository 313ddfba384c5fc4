/**
 * A round-robin load balancer in front of BFF replicas, for tests of the production shape
 * (two replicas, no sticky sessions). Forwarding is http-proxy-middleware's; this module only
 * picks the replica, as a cloud load balancer or a Kubernetes Service would:
 *
 * - each request goes to the next replica that is up (strict alternation over the up ones);
 * - a replica that refuses the connection (stopped) is marked down and the request is sent to
 *   the next one, so the client never sees it (a passive health check);
 * - a down replica's `/readyz` is polled, and it is back in rotation once it answers 200.
 *
 * Every response carries `X-Served-By: <replica name>`, and `served` records each request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';

export interface ServedRequest {
  method: string;
  path: string;
  replica: string;
  status: number;
}

export interface Balancer {
  url: string;
  /** Every request answered by a replica, in order of the answers. */
  served: ServedRequest[];
  /** Replicas that refused a connection, in order (each time one was taken out). */
  refused: string[];
  add(name: string, url: string): void;
  isUp(name: string): boolean;
  /** Resolves once the replica answers `/readyz` and is back in rotation. */
  waitUntilUp(name: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const SERVED_BY_HEADER = 'x-served-by';

interface Replica {
  name: string;
  url: string;
  up: boolean;
  probe?: NodeJS.Timeout;
}

const PROBE_INTERVAL_MS = 200;

/**
 * A refused connection never reached the replica: any request may go to another one. A reset
 * may come after the replica acted, so only reads are sent again (as nginx does by default).
 */
function mayRetry(error: Error, method: string | undefined): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'ECONNREFUSED' || (code === 'ECONNRESET' && (method === 'GET' || method === 'HEAD'))
  );
}

/** Listens on 127.0.0.1 at `port` (a callback URL registered at GitLab) or a free port. */
export async function startRoundRobinBalancer(options: { port?: number } = {}): Promise<Balancer> {
  const replicas: Replica[] = [];
  const served: ServedRequest[] = [];
  const refused: string[] = [];
  // Which replica each request was sent to, and its body (to send it again to another one).
  const chosen = new WeakMap<http.IncomingMessage, Replica>();
  const bodies = new WeakMap<http.IncomingMessage, Buffer>();
  let next = 0;

  const pick = (): Replica | undefined => {
    for (let tried = 0; tried < replicas.length; tried += 1) {
      const replica = replicas[next % replicas.length];
      next += 1;
      if (replica?.up) return replica;
    }
    return undefined;
  };

  const markDown = (replica: Replica) => {
    if (!replica.up) return;
    replica.up = false;
    refused.push(replica.name);
    replica.probe = setInterval(() => {
      fetch(`${replica.url}/readyz`, { signal: AbortSignal.timeout(PROBE_INTERVAL_MS * 5) })
        .then((response) => {
          if (response.ok && !replica.up) {
            replica.up = true;
            clearInterval(replica.probe);
          }
        })
        .catch(() => undefined);
    }, PROBE_INTERVAL_MS);
  };

  const proxy = createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
    router: (req) => {
      const replica = pick();
      if (!replica) throw new Error('no replica is up');
      chosen.set(req, replica);
      return replica.url;
    },
    xfwd: true,
    // A new connection per request: a stopped replica shows as a refused connection, not as a
    // keep-alive socket that dies under a request.
    agent: new http.Agent({ keepAlive: false }),
    on: {
      proxyReq: (proxyReq, req) => {
        const body = bodies.get(req);
        if (!body?.length) return;
        proxyReq.removeHeader('transfer-encoding');
        proxyReq.setHeader('content-length', body.length);
        proxyReq.write(body);
      },
      proxyRes: (proxyRes, req) => {
        const replica = chosen.get(req);
        if (!replica) return;
        proxyRes.headers[SERVED_BY_HEADER] = replica.name;
        served.push({
          method: req.method ?? '',
          path: req.url ?? '',
          replica: replica.name,
          status: proxyRes.statusCode ?? 0,
        });
      },
      error: (error, req, res) => {
        const replica = chosen.get(req);
        if (!(res instanceof http.ServerResponse) || res.headersSent) return;
        if (replica && mayRetry(error, req.method)) {
          markDown(replica);
          if (replicas.some((candidate) => candidate.up)) {
            forward(req, res);
            return;
          }
        }
        res.writeHead(502, { 'content-type': 'text/plain' }).end('no replica answered');
      },
    },
  });

  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void proxy(req, res, () => {
      if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('no replica is up');
    });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.set(req, Buffer.concat(chunks));
      forward(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    served,
    refused,
    add: (name, url) => {
      replicas.push({ name, url, up: true });
    },
    isUp: (name) => replicas.find((replica) => replica.name === name)?.up ?? false,
    waitUntilUp: async (name, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!replicas.find((replica) => replica.name === name)?.up) {
        if (Date.now() > deadline) throw new Error(`replica ${name} did not come back`);
        await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS / 2));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const replica of replicas) clearInterval(replica.probe);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
