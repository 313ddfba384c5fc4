import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { startApp } from '../../scripts/lib/app-process';
import { stackInfo } from './stack-info';

/** The path the console is served under in the path-prefix journey. */
export const PREFIX = '/console';

export interface PrefixedConsole {
  /** `http://127.0.0.1:<proxy port>/console`: the only thing a browser is given. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A second BFF with `PUBLIC_URL=http://127.0.0.1:<port>/console/`, against the suite's local
 * GitLab and clusters API, behind a reverse proxy (http-proxy-middleware) on that port that
 * forwards only /console and /console/... as they are and answers 404 to anything else, as an
 * Ingress with a path rule would. The port and its callback were registered by global setup.
 */
export async function startPrefixedConsole(): Promise<PrefixedConsole> {
  const info = stackInfo();
  const url = new URL(info.prefixedUrl);
  const bff = await startApp('bff', {
    env: {
      PUBLIC_URL: `${url.href}/`,
      GITLAB_URL: info.gitlabUrl,
      CLUSTERS_API_URL: info.clustersApiUrl,
      GITLAB_CLIENT_SECRET: info.clientSecret,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    },
  });
  const proxy = createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
    target: bff.url,
    pathFilter: (path) => path === PREFIX || path.startsWith(`${PREFIX}/`),
    xfwd: true,
  });
  const server = http.createServer((req, res) => {
    void proxy(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not forwarded by the proxy\n');
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(Number(url.port), '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await bff.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PREFIX}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await bff.stop();
    },
  };
}
