import type http from 'node:http';
import { listenOnFreePort } from './listening-server';

export interface NautesStandIn {
  url: string;
  /** Path and bearer of every request it received. */
  requests: { path: string; authorization: string | undefined }[];
  /** What `GET /api/v1/clusters` answers next. */
  listReply: { status: number; body: unknown };
  close(): Promise<void>;
}

/**
 * Answers like a real Nautes API server, which cannot run here, as far as generation detection
 * sees it: no `/healthz`, no `/openapi.json` (Kratos answers 404 in its error shape), and the
 * cluster list as set by the test.
 */
export async function startNautesStandIn(): Promise<NautesStandIn> {
  const listening = await listenOnFreePort();
  const standIn: NautesStandIn = {
    url: listening.url,
    requests: [],
    listReply: { status: 200, body: { items: [] } },
    close: () => listening.close(),
  };
  listening.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    standIn.requests.push({ path, authorization: req.headers.authorization });
    const reply =
      req.method === 'GET' && path === '/api/v1/clusters'
        ? standIn.listReply
        : { status: 404, body: { code: 404, reason: 'NOT_FOUND', message: '', metadata: {} } };
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  return standIn;
}
