import net from 'node:net';

/**
 * Asks the OS for a free port on 127.0.0.1. Needed where a port must be known before a
 * process starts (the local GitLab must know the BFF's callback URL up front).
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
