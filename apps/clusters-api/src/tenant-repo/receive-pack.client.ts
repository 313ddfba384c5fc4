/**
 * A push over Git's smart HTTP protocol, in process: ONE `POST <repo>/git-receive-pack`
 * carrying the ref update (`<old> <new> refs/heads/main`) and a pack of the new objects, with
 * the caller's token as HTTP Basic auth (user `oauth2`), over a keep-alive connection.
 * `git push` would start three processes and make two requests (it first asks for the refs,
 * which we already know: if our `old` is stale the server refuses the update and we fetch and
 * retry, exactly as after a lost race).
 *
 * The token goes only into the Authorization header of this request; it is never logged.
 */
import http from 'node:http';
import https from 'node:https';
import { makePack, type GitObject } from './git-objects';

export interface PushRequest {
  /** The commit the remote's ref is expected to be at (40 zeros when it does not exist). */
  oldOid: string;
  newOid: string;
  ref: string;
  /** Every object the remote may not have yet. */
  objects: readonly GitObject[];
  token: string;
}

export type PushFailureKind = 'unauthenticated' | 'forbidden' | 'unavailable' | 'other';

export class PushFailure extends Error {
  constructor(
    readonly kind: PushFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'PushFailure';
  }
}

/** `ok`: the ref now points at `newOid`. `retry`: the ref moved (or is locked): fetch, redo. */
export type PushOutcome = 'ok' | 'retry';

const RETRY_REASONS =
  /failed to (update|lock)|cannot lock|incorrect old value|stale info|fetch first|non-fast-forward|missing necessary objects|reference already exists|expected/i;

function pktLine(text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from((data.length + 4).toString(16).padStart(4, '0')), data]);
}

/** The report-status lines of a receive-pack answer (`unpack ok`, `ok <ref>`, `ng <ref> <why>`). */
export function parseReport(body: Buffer): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at + 4 <= body.length) {
    const length = Number.parseInt(body.toString('latin1', at, at + 4), 16);
    if (Number.isNaN(length)) throw new Error('malformed receive-pack answer');
    if (length === 0) {
      at += 4;
      continue;
    }
    if (length < 4 || at + length > body.length) throw new Error('malformed receive-pack answer');
    lines.push(body.toString('utf8', at + 4, at + length).replace(/\n$/, ''));
    at += length;
  }
  return lines;
}

/** True once the report-status answer is complete (its closing flush packet has arrived). */
function reportComplete(body: Buffer): boolean {
  let at = 0;
  let lines = 0;
  while (at + 4 <= body.length) {
    const length = Number.parseInt(body.toString('latin1', at, at + 4), 16);
    if (Number.isNaN(length)) return false;
    if (length === 0) return lines > 0;
    if (at + length > body.length) return false;
    lines += 1;
    at += length;
  }
  return false;
}

/** What a report means for one ref. Exported for tests. */
export function outcomeOf(lines: readonly string[], ref: string): PushOutcome {
  const unpack = lines.find((line) => line.startsWith('unpack '));
  const status = lines.find((line) => line.startsWith(`ok ${ref}`) || line.startsWith(`ng ${ref}`));
  if (status === `ok ${ref}`) return 'ok';
  const reason = status?.slice(`ng ${ref} `.length) ?? '';
  if (status && RETRY_REASONS.test(reason)) return 'retry';
  if (status && /hook declined|protected|not allowed|denied|permission/i.test(reason)) {
    throw new PushFailure('forbidden', `push refused: ${reason}`);
  }
  const error = lines.find((line) => line.startsWith('ERR '));
  throw new PushFailure(
    'other',
    `push failed: ${status ?? error ?? (unpack && unpack !== 'unpack ok' ? unpack : 'no status for the ref')}`,
  );
}

export class ReceivePackClient {
  private readonly endpoint: URL;
  private readonly agent: http.Agent;

  constructor(
    repoUrl: string,
    /** No byte from the server for this long (a hung GitLab) fails the push as unavailable. */
    private readonly stallTimeoutMs = 60_000,
  ) {
    this.endpoint = new URL(`${repoUrl.replace(/\/+$/, '')}/git-receive-pack`);
    // Idle connections are closed after 2 s, before the server's keep-alive timeout (Node's
    // default is 5 s) could close one under a push being sent on it.
    const options = { keepAlive: true, maxSockets: 4, timeout: 2_000 };
    this.agent =
      this.endpoint.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
  }

  static supports(repoUrl: string): boolean {
    return /^https?:\/\//i.test(repoUrl);
  }

  async push(request: PushRequest): Promise<PushOutcome> {
    const body = Buffer.concat([
      pktLine(
        `${request.oldOid} ${request.newOid} ${request.ref}\0report-status agent=cluster-console\n`,
      ),
      Buffer.from('0000'),
      makePack(request.objects),
    ]);
    const answer = await this.post(body, request.token);
    if (answer.status === 401) {
      throw new PushFailure('unauthenticated', 'the remote did not accept the token (401)');
    }
    if (answer.status === 403 || answer.status === 404) {
      throw new PushFailure('forbidden', `the remote refused the push (${answer.status})`);
    }
    if (answer.status >= 500) {
      throw new PushFailure('unavailable', `the remote answered ${answer.status}`);
    }
    if (answer.status !== 200 || !answer.type.startsWith('application/x-git-receive-pack-result')) {
      throw new PushFailure('other', `unexpected answer to the push: HTTP ${answer.status}`);
    }
    let lines: string[];
    try {
      lines = parseReport(answer.body);
    } catch (error) {
      throw new PushFailure('other', error instanceof Error ? error.message : String(error));
    }
    return outcomeOf(lines, request.ref);
  }

  close(): void {
    this.agent.destroy();
  }

  private post(
    body: Buffer,
    token: string,
  ): Promise<{ status: number; type: string; body: Buffer }> {
    const transport = this.endpoint.protocol === 'https:' ? https : http;
    const basic = Buffer.from(`oauth2:${token}`, 'utf8').toString('base64');
    return new Promise((resolve, reject) => {
      const req = transport.request(
        this.endpoint,
        {
          method: 'POST',
          agent: this.agent,
          timeout: this.stallTimeoutMs,
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-git-receive-pack-request',
            accept: 'application/x-git-receive-pack-result',
            'content-length': String(body.length),
            'user-agent': 'git/cluster-console',
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const type = String(res.headers['content-type'] ?? '');
          const chunks: Buffer[] = [];
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            resolve({ status, type, body: Buffer.concat(chunks) });
          };
          res.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            // The report ends with a flush packet. The server may still be busy after it (its
            // post-receive hooks, `gc --auto`) but the ref is updated: no need to wait for that.
            if (!done && status === 200 && reportComplete(Buffer.concat(chunks))) finish();
          });
          res.on('end', finish);
          res.on('error', (error) => {
            if (!done) reject(new PushFailure('unavailable', error.message));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (error) => reject(new PushFailure('unavailable', error.message)));
      req.end(body);
    });
  }
}
