import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerLogger } from './logger';
import { requestLogger } from './request-logger';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});
const logRequest = requestLogger(
  createServerLogger({ app: 'kit-test', level: 'info', destination: sink }),
);
const server = http.createServer((req, res) => {
  logRequest(req, res);
  res.statusCode = req.url?.startsWith('/fail') ? 500 : 200;
  res.end('ok');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The log line of the request whose id is `id`, once written. */
async function lineOf(id: string): Promise<Record<string, unknown>> {
  for (let tries = 0; tries < 50; tries += 1) {
    const line = lines.find((entry) => (entry.req as { id?: string } | undefined)?.id === id);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no log line for ${id}`);
}

describe('requestLogger', () => {
  it('keeps a plain caller id, echoes it, and logs the path without its query', async () => {
    const answer = await fetch(`${base}/callback?code=secret-code&state=x`, {
      headers: { 'X-Request-Id': 'req-1', Authorization: 'Bearer glpat-secret' },
    });
    expect(answer.headers.get('x-request-id')).toBe('req-1');
    const line = await lineOf('req-1');
    expect(line).toMatchObject({
      app: 'kit-test',
      level: 30,
      req: { id: 'req-1', method: 'GET', path: '/callback' },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(line)).not.toMatch(/secret-code|glpat-secret/);
  });

  it('replaces an id that could forge log text, and logs a 5xx as an error', async () => {
    const answer = await fetch(`${base}/fail`, { headers: { 'X-Request-Id': 'a b\\"c' } });
    const id = answer.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lineOf(id)).toMatchObject({ level: 50, res: { statusCode: 500 } });
  });
});
