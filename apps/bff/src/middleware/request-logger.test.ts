import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort, type ListeningServer } from '../../tests/support/listening-server';
import { createLogger } from '../logger';
import { beginRequestLog, requestLines } from './request-logger';

function capturingLogger() {
  let raw = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw += chunk.toString('utf8');
      callback();
    },
  });
  return {
    logger: createLogger('info', sink),
    lines: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('request lines', () => {
  let listening: ListeningServer | undefined;

  afterEach(async () => {
    await listening?.close();
    listening = undefined;
  });

  it('when a request is answered, then its one line holds the id, user, method, path, status and time, and nothing but strings and numbers', async () => {
    const { logger, lines } = capturingLogger();
    const requestLog = requestLines(logger);
    listening = await listenOnFreePort();
    listening.server.on('request', (req, res) => {
      beginRequestLog(requestLog, req, res, () => 'maintainer');
      res.statusCode = 201;
      res.end('done');
    });

    const answer = await fetch(`${listening.url}/api/v1/clusters?code=secret-code`, {
      headers: { 'x-request-id': 'request-id-1', authorization: 'Bearer glpat-secret' },
    });
    expect(answer.headers.get('x-request-id')).toBe('request-id-1');
    await answer.text();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const logged = lines().filter((line) => line.msg === 'request');
    expect(logged).toEqual([
      expect.objectContaining({
        name: 'bff',
        reqId: 'request-id-1',
        user: 'maintainer',
        method: 'GET',
        path: '/api/v1/clusters',
        status: 201,
        responseTimeMs: expect.any(Number) as number,
      }),
    ]);
    // The lines logger does not redact: that only holds while no field can hold an object,
    // which is where every redact path of logger.ts points.
    for (const value of Object.values(logged[0] ?? {})) {
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
    expect(JSON.stringify(lines())).not.toMatch(/secret/);
  });

  it('when the BFF logger logs an object with credentials, then they are still redacted', () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      {
        req: { headers: { cookie: 'session=abc', authorization: 'Bearer glpat-1' } },
        tokens: { accessToken: 'access-1', refreshToken: 'refresh-1' },
      },
      'with credentials',
    );
    requestLines(logger).info({ reqId: 'x' }, 'request');
    const text = JSON.stringify(lines());
    expect(text).not.toMatch(/abc|glpat-1|access-1|refresh-1/);
    expect(text).toContain('[redacted]');
  });
});
