import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { FLUSH_PKT, pktLine } from './pkt-line';

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export interface GitServiceOptions {
  service: GitService;
  gitDir: string;
  /** Variables for git and its hooks: GL_ID, GL_USER_ACCESS_LEVEL, GIT_PROTOCOL, ... */
  env: Record<string, string>;
  /** `-c name=value` settings for this one run. */
  config?: readonly string[];
  log: Logger;
}

/** What `git http-backend` sets so that no proxy or browser caches a Git answer. */
export function setNoCache(res: Response): void {
  res.set({
    Expires: 'Fri, 01 Jan 1980 00:00:00 GMT',
    Pragma: 'no-cache',
    'Cache-Control': 'no-cache, max-age=0, must-revalidate',
  });
}

/**
 * Runs `git upload-pack|receive-pack --stateless-rpc` straight on the bare repository, as
 * `git http-backend` would but without it (one process fewer per request): `input` goes to its
 * stdin, its stdout is the answer, sent as `contentType`. With `serviceHeader` (the GET
 * `info/refs` advertisement in protocol v0/v1) the answer starts with the `# service=` packet.
 */
export function runGitService(
  res: Response,
  options: GitServiceOptions & {
    advertise: boolean;
    input?: AsyncIterable<Buffer>;
  },
): Promise<void> {
  const { service, advertise, log } = options;
  const name = service.slice('git-'.length);
  const args = [
    ...(options.config ?? []).flatMap((setting) => ['-c', setting]),
    name,
    '--stateless-rpc',
    ...(advertise ? ['--advertise-refs'] : []),
    options.gitDir,
  ];
  const contentType = advertise
    ? `application/x-${service}-advertisement`
    : `application/x-${service}-result`;
  const serviceHeader =
    advertise && !/(^|:)version=2(:|$)/.test(options.env.GIT_PROTOCOL ?? '')
      ? Buffer.concat([pktLine(`# service=${service}\n`), FLUSH_PKT])
      : undefined;

  return new Promise((resolve) => {
    const child = spawn('git', args, {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        LANG: 'C',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let started = false;
    let stderr = '';
    const start = () => {
      if (started) return;
      started = true;
      setNoCache(res);
      res.status(200).type(contentType);
      if (serviceHeader) res.write(serviceHeader);
    };
    const fail = (detail: string) => {
      log.error({ event: 'git_service_failed', service, detail }, 'git failed');
      if (!res.headersSent) res.status(500).type('text/plain').send('Internal server error\n');
      else res.destroy();
    };

    child.once('error', (error) => fail(error.message));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      start();
      if (!res.write(chunk)) {
        child.stdout.pause();
        res.once('drain', () => child.stdout.resume());
      }
    });
    child.once('close', (code) => {
      if (stderr.trim()) log.debug({ event: 'git_stderr', service, detail: stderr.trim() }, 'git');
      if (code === 0 || started) {
        start();
        res.end();
      } else fail(`${name} exited (${code}) without an answer: ${stderr.trim()}`);
      resolve();
    });
    // git may stop reading early (an error answer); its exit code tells the rest.
    child.stdin.on('error', () => undefined);
    if (!options.input) child.stdin.end();
    else {
      const source = Readable.from(options.input);
      source.once('error', (error) => {
        log.warn({ event: 'git_request_body_failed', detail: error.message }, 'bad request body');
        child.kill('SIGTERM');
      });
      source.pipe(child.stdin);
    }
    res.once('close', () => {
      if (!res.writableFinished && child.exitCode === null) child.kill('SIGTERM');
    });
  });
}
