import http from 'node:http';
import { listenOnFreePort } from './listening-server';

export interface RecordedExchange {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  requestBody: string;
  status: number;
  responseBody: string;
}

export interface RecordingUpstream {
  url: string;
  exchanges: RecordedExchange[];
  close(): Promise<void>;
}

/**
 * A pass-through HTTP hop in front of the real clusters API that records what the BFF sent
 * and what came back, so tests can check the bearer, that nothing arrived, and that the
 * answer reached the browser unchanged.
 */
export async function startRecordingUpstream(target: string): Promise<RecordingUpstream> {
  const listening = await listenOnFreePort();
  const exchanges: RecordedExchange[] = [];
  listening.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = http.request(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (upstreamRes) => {
          const body: Buffer[] = [];
          upstreamRes.on('data', (chunk: Buffer) => body.push(chunk));
          upstreamRes.on('end', () => {
            const responseBody = Buffer.concat(body);
            exchanges.push({
              method: req.method ?? '',
              url: req.url ?? '',
              headers: req.headers,
              requestBody: requestBody.toString('utf8'),
              status: upstreamRes.statusCode ?? 0,
              responseBody: responseBody.toString('utf8'),
            });
            res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
            res.end(responseBody);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(599);
        res.end();
      });
      upstream.end(requestBody);
    });
  });
  return { url: listening.url, exchanges, close: () => listening.close() };
}
