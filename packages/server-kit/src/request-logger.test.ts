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
// At debug, so that a line written at debug is seen with its level.
const logRequest = requestLogger(
  createServerLogger({ app: 'kit-test', level: 'debug', destination: sink }),
  { routine: (req) => req.url?.startsWith('/poll') ?? false },
);
const server = http.createServer((req, res) => {
  logRequest(req, res);
  res.statusCode = req.url?.includes('fail') ? 500 : req.url?.includes('missing') ? 404 : 200;
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

  it('when a routine request (a poll) succeeds, then it is logged at debug; when it fails, as any other', async () => {
    const sent = async (path: string, id: string) => {
      await fetch(`${base}${path}`, { headers: { 'X-Request-Id': id } });
      return (await lineOf(id)).level;
    };
    expect(await sent('/poll/refs', 'poll-ok')).toBe(20);
    expect(await sent('/poll/missing', 'poll-missing')).toBe(30);
    expect(await sent('/poll/fail', 'poll-fail')).toBe(50);
    expect(await sent('/other', 'not-routine')).toBe(30);
  });
});
