/**
 * The floor for the `proxy` benchmark: a bare http-proxy-middleware hop in its own process,
 * as the BFF forwards (keep-alive agent, same options), with a fixed bearer and nothing else:
 * no express, session, security headers or logging. What it costs is what any separate proxy
 * process costs on this machine, so `floor_rps_ratio` bounds what the BFF could reach.
 *
 * Run as a child: TARGET=<clusters API url> TOKEN=<bearer>; prints {"event":"listening","url":...}.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyMiddleware } from 'http-proxy-middleware';

const target = process.env.TARGET;
const token = process.env.TOKEN;
if (!target || !token) throw new Error('TARGET and TOKEN are required');

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const forward = createProxyMiddleware({ target, changeOrigin: true, agent, xfwd: false });
const server = http.createServer((req, res) => {
  req.headers.authorization = `Bearer ${token}`;
  void forward(req, res, () => {
    res.statusCode = 404;
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}` })}\n`,
  );
});
process.on('SIGTERM', () => {
  agent.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
