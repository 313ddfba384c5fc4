import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Readable } from 'node:stream';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { FLUSH_PKT, pktLine } from './pkt-line';

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export interface GitServiceOptions {
  service: GitService;
  gitDir: string;
  /** Variables for git and its hooks: GL_ID, GIT_PROTOCOL, GL_REFUSAL, ... */
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

function resultType(service: GitService): string {
  return `application/x-${service}-result`;
}

/**
 * Starts `git upload-pack|receive-pack --stateless-rpc` straight on the bare repository, as
 * `git http-backend` would but without it (one process fewer per request).
 */
function startGit(
  options: GitServiceOptions & { advertise: boolean },
): ChildProcessWithoutNullStreams {
  const args = [
    ...(options.config ?? []).flatMap((setting) => ['-c', setting]),
    options.service.slice('git-'.length),
    '--stateless-rpc',
    ...(options.advertise ? ['--advertise-refs'] : []),
    options.gitDir,
  ];
  const child = spawn('git', args, {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      LANG: 'C',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // git may stop reading early (an error answer); its exit code tells the rest.
  child.stdin.on('error', () => undefined);
  return child;
}

function feed(child: ChildProcessWithoutNullStreams, input: AsyncIterable<Buffer>, log: Logger) {
  const source = Readable.from(input);
  source.once('error', (error) => {
    log.warn({ event: 'git_request_body_failed', detail: error.message }, 'bad request body');
    child.kill('SIGTERM');
  });
  source.pipe(child.stdin);
}

/**
 * Runs the service with `input` on its stdin and streams its stdout as the answer. With
 * `advertise` (the GET `info/refs` advertisement) the answer starts with the `# service=`
 * packet in protocol v0/v1.
 */
export function runGitService(
  res: Response,
  options: GitServiceOptions & {
    advertise: boolean;
    input?: AsyncIterable<Buffer>;
  },
): Promise<void> {
  const { service, advertise, log } = options;
  const contentType = advertise ? `application/x-${service}-advertisement` : resultType(service);
  const serviceHeader =
    advertise && !/(^|:)version=2(:|$)/.test(options.env.GIT_PROTOCOL ?? '')
      ? Buffer.concat([pktLine(`# service=${service}\n`), FLUSH_PKT])
      : undefined;

  return new Promise((resolve) => {
    const child = startGit(options);
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
      } else fail(`${service} exited (${code}) without an answer: ${stderr.trim()}`);
      resolve();
    });
    if (!options.input) child.stdin.end();
    else feed(child, options.input, log);
    res.once('close', () => {
      if (!res.writableFinished && child.exitCode === null) child.kill('SIGTERM');
    });
  });
}

/**
 * Runs the service on a body already in memory and keeps its whole answer (a push's status
 * report: small), so that the caller can look at it before sending it with `sendGitAnswer`.
 * Undefined when git failed without answering.
 */
export function collectGitService(
  options: GitServiceOptions & { input: Buffer },
): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = startGit({ ...options, advertise: false });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.once('error', (error) => {
      options.log.error({ event: 'git_service_failed', detail: error.message }, 'git failed');
      resolve(undefined);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('close', (code) => {
      const answer = Buffer.concat(chunks);
      if (code === 0 || answer.length > 0) return resolve(answer);
      options.log.error(
        { event: 'git_service_failed', service: options.service, detail: stderr.trim() },
        'git failed',
      );
      resolve(undefined);
    });
    child.stdin.end(options.input);
  });
}

export function sendGitAnswer(res: Response, service: GitService, answer: Buffer | undefined) {
  if (!answer) {
    res.status(500).type('text/plain').send('Internal server error\n');
    return;
  }
  setNoCache(res);
  res.status(200).type(resultType(service)).end(answer);
}
