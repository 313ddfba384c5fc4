import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/**
 * An HTTP server already listening on a free 127.0.0.1 port, with no handler yet. The BFF's
 * URL must be known before the local GitLab starts (it registers the callback URL).
 */
export async function listenOnFreePort(): Promise<ListeningServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
