import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';

export interface HttpBackendOptions {
  projectRoot: string;
  /** `/<project path>.git/<rest>` relative to projectRoot. */
  pathInfo: string;
  remoteUser: string;
  /** Extra variables for git (and so for its hooks): GL_ID, GL_USER_ACCESS_LEVEL, ... */
  env: Record<string, string>;
  log: Logger;
}

const HEADER_END = /\r?\n\r?\n/;

function parseCgiHeaders(head: string): { status: number; headers: [string, string][] } {
  let status = 200;
  const headers: [string, string][] = [];
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else headers.push([name, value]);
  }
  return { status, headers };
}

/**
 * Runs `git http-backend` as a CGI program for one request: the request body streams to its
 * stdin (gzip'd bodies are inflated by git itself via HTTP_CONTENT_ENCODING), its CGI headers
 * (including `Status`) become the response head, and the rest streams back.
 */
export function runHttpBackend(
  req: Request,
  res: Response,
  options: HttpBackendOptions,
): Promise<void> {
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
    : '';
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const cgiEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C',
    GIT_PROJECT_ROOT: options.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: options.pathInfo,
    QUERY_STRING: query,
    REQUEST_METHOD: req.method,
    REMOTE_USER: options.remoteUser,
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    ...options.env,
  };
  const optional: [string, string | undefined][] = [
    ['CONTENT_TYPE', header('content-type')],
    ['CONTENT_LENGTH', header('content-length')],
    ['HTTP_CONTENT_ENCODING', header('content-encoding')],
    ['GIT_PROTOCOL', header('git-protocol')],
  ];
  for (const [name, value] of optional) if (value !== undefined) cgiEnv[name] = value;

  return new Promise((resolve) => {
    const child = spawn('git', ['http-backend'], { env: cgiEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let head = Buffer.alloc(0);
    let headersSent = false;
    let stderr = '';

    const fail = (message: string) => {
      options.log.error(
        { event: 'git_http_backend_failed', detail: message },
        'git http-backend failed',
      );
      if (!res.headersSent) res.status(500).type('text/plain').send('Internal server error\n');
      else res.destroy();
    };

    child.once('error', (error) => fail(error.message));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        if (!res.write(chunk)) {
          child.stdout.pause();
          res.once('drain', () => child.stdout.resume());
        }
        return;
      }
      head = Buffer.concat([head, chunk]);
      const text = head.toString('latin1');
      const match = HEADER_END.exec(text);
      if (!match) return;
      const { status, headers } = parseCgiHeaders(text.slice(0, match.index));
      res.status(status);
      for (const [name, value] of headers) res.setHeader(name, value);
      headersSent = true;
      const rest = head.subarray(match.index + match[0].length);
      res.flushHeaders();
      if (rest.length) res.write(rest);
    });
    child.once('close', (code) => {
      if (stderr.trim())
        options.log.debug(
          { event: 'git_http_backend_stderr', detail: stderr.trim() },
          'git stderr',
        );
      if (!headersSent) fail(`exited (${code}) without a response`);
      else res.end();
      resolve();
    });

    // Stream the request body; git may stop reading early (an error answer), which is fine.
    child.stdin.on('error', () => undefined);
    req.pipe(child.stdin);
    res.once('close', () => {
      if (!res.writableFinished && child.exitCode === null) child.kill('SIGTERM');
    });
  });
}
