/**
 * The figures behind README.md's table of our own code: where we kept a hand-written piece
 * beside a library that could do the job, what each costs on this machine. Not a budgeted
 * benchmark (bench/run.ts); run it by hand: `pnpm exec tsx bench/own-code.ts`.
 *
 * - request logger: the BFF's own request line against pino-http (as the other servers use
 *   it, packages/server-kit), extra CPU per request over no logging at all, on a real HTTP
 *   server on 127.0.0.1 with keep-alive clients.
 * - session-id check: cookie-signature's unsign (HMAC) against the fast lane's remembered
 *   signed value (one constant-time compare), per call.
 * - YAML limits: the linear scan in front of `yaml` refusing hostile 1 MiB texts, against
 *   yaml's lexer alone and its parser on the same texts (256 KiB: the parser takes tens of
 *   seconds on 1 MiB).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestLines, beginRequestLog } from '@cluster-console/bff/request-logger';
import { createServerLogger, type Logger } from '@cluster-console/server-kit';
import { readKubeconfig } from '@cluster-console/shared';
import { sign, unsign } from 'cookie-signature';
import { Lexer, parseDocument } from 'yaml';

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** CPU µs per request (client and server in this process) for `requests` GETs. */
async function cpuPerRequest(handler: Handler, requests: number): Promise<number> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/api/v1/clusters?page=2', agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
  const started = process.cpuUsage();
  let sent = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (sent < requests) {
        sent += 1;
        await get();
      }
    }),
  );
  const used = process.cpuUsage(started);
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return (used.user + used.system) / requests;
}

/**
 * server-kit's pino-http logger, loaded by a specifier TypeScript does not follow: pino-http's
 * types widen Node's IncomingMessage for the whole program, which the BFF's code here must not
 * see (typecheck/README.md).
 */
async function loadPinoHttpLogger(): Promise<(logger: Logger) => Handler> {
  const entry: string = '@cluster-console/server-kit/request-logger';
  const loaded = (await import(entry)) as { requestLogger: (logger: Logger) => Handler };
  return loaded.requestLogger;
}

async function requestLoggerFigures(): Promise<void> {
  const requestLogger = await loadPinoHttpLogger();
  // Lines are made and dropped: the figure is the logging code's, not the disk's.
  const toNull = () => ({ write: () => undefined });
  const answer: Handler = (_req, res) => res.end('{}');
  const ours = requestLines(
    createServerLogger({ app: 'bff', level: 'info', destination: toNull() }),
  );
  const withPinoHttp = requestLogger(
    createServerLogger({ app: 'bff', level: 'info', destination: toNull() }),
  );
  const handlers: Record<string, Handler> = {
    none: answer,
    ours: (req, res) => {
      beginRequestLog(ours, req, res, () => 'developer');
      answer(req, res);
    },
    pinoHttp: (req, res) => {
      withPinoHttp(req, res);
      answer(req, res);
    },
  };
  const runs: Record<string, number[]> = { none: [], ours: [], pinoHttp: [] };
  await cpuPerRequest(answer, 2_000); // warm-up
  for (let round = 0; round < 3; round += 1) {
    for (const [name, handler] of Object.entries(handlers)) {
      runs[name]?.push(await cpuPerRequest(handler, 10_000));
    }
  }
  const best = (name: string) => Math.min(...(runs[name] ?? []));
  console.log(
    `request logger: extra CPU per request over none: ours ${round(best('ours') - best('none'))} µs, pino-http ${round(best('pinoHttp') - best('none'))} µs (none: ${round(best('none'))} µs)`,
  );
}

function sessionIdFigures(): void {
  const secret = randomBytes(32).toString('base64url');
  const signed = sign(randomBytes(24).toString('base64url'), secret);
  const remembered = Buffer.from(signed);
  const calls = 200_000;
  let started = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) unsign(signed, secret);
  const unsignNs = Number(process.hrtime.bigint() - started) / calls;
  started = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) {
    const given = Buffer.from(signed);
    if (given.length === remembered.length) timingSafeEqual(given, remembered);
  }
  const compareNs = Number(process.hrtime.bigint() - started) / calls;
  console.log(
    `session id: unsign ${round(unsignNs / 1000, 2)} µs per call, remembered compare ${round(compareNs / 1000, 2)} µs`,
  );
}

function timeMs(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function yamlFigures(): void {
  // A quarter of the 1 MiB limit: yaml's parser takes tens of seconds on the whole of one.
  const size = 256 * 1024;
  const texts: Record<string, string> = {
    'short sequence items': '- a\n'.repeat(size / 4),
    'short mapping lines': Array.from({ length: size / 10 }, (_, i) => `k${i}: v\n`)
      .join('')
      .slice(0, size),
    'nested flow': '['.repeat(size),
  };
  for (const [name, text] of Object.entries(texts)) {
    const scan = timeMs(() => readKubeconfig(text));
    const lexer = timeMs(() => Array.from(new Lexer().lex(text)).length);
    const parse = timeMs(() => parseDocument(text));
    console.log(
      `yaml, 256 KiB of ${name}: our scan refuses it in ${round(scan)} ms; yaml's lexer alone ${round(lexer)} ms; yaml's parser ${round(parse)} ms`,
    );
  }
}

await requestLoggerFigures();
sessionIdFigures();
yamlFigures();
