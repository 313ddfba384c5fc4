/**
 * The bounds on what one history page may cost: a deadline on the whole page, cancellation when
 * the browser goes away, and a cap on the bytes read from GitLab per answer and per page.
 * Every GitLab request of a page runs under its `PageLimits`.
 */
import type { ServerResponse } from 'node:http';

/** The page took longer than its deadline (answered 504). */
export class HistoryDeadlineError extends Error {
  override name = 'HistoryDeadlineError';
  constructor(readonly deadlineMs: number) {
    super(`the history page took longer than ${deadlineMs} ms`);
  }
}

/** The browser closed the connection: nobody waits for the answer any more. */
export class HistoryClientGoneError extends Error {
  override name = 'HistoryClientGoneError';
  constructor() {
    super('the browser closed the connection');
  }
}

/** The page finished (answered or failed): its remaining GitLab requests are not needed. */
class HistoryPageDoneError extends Error {
  override name = 'HistoryPageDoneError';
}

/** GitLab's answers were larger than the console reads (answered 502). */
export class HistoryTooLargeError extends Error {
  override name = 'HistoryTooLargeError';
  constructor(
    readonly scope: 'response' | 'page',
    readonly limitBytes: number,
  ) {
    super(`GitLab's answers exceed ${limitBytes} bytes per ${scope}`);
  }
}

export interface ByteLimits {
  /** At most this many bytes of one GitLab answer. */
  maxResponseBytes: number;
  /** At most this many bytes of all GitLab answers of one page. */
  maxPageBytes: number;
}

/** One page's signal (deadline, browser gone, done) and its byte budget. */
export class PageLimits {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readSoFar = 0;
  /** GitLab requests this page made (for the log and the figures). */
  requests = 0;

  constructor(
    readonly bytes: ByteLimits,
    deadlineMs: number,
  ) {
    this.timer = setTimeout(
      () => this.controller.abort(new HistoryDeadlineError(deadlineMs)),
      deadlineMs,
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Bytes read from GitLab so far by this page. */
  get bytesRead(): number {
    return this.readSoFar;
  }

  /** Ends the page when the browser closes the connection before the answer is sent. */
  watch(res: ServerResponse): this {
    res.once('close', () => {
      if (!res.writableFinished) this.controller.abort(new HistoryClientGoneError());
    });
    return this;
  }

  /** Throws the reason the page ended (deadline, browser gone), if it did. */
  throwIfEnded(): void {
    if (this.signal.aborted) throw this.signal.reason;
  }

  /** Counts bytes read against the page's budget. */
  take(bytes: number): void {
    this.readSoFar += bytes;
    if (this.readSoFar > this.bytes.maxPageBytes) {
      throw new HistoryTooLargeError('page', this.bytes.maxPageBytes);
    }
  }

  /** The page is over: stop its timer and whatever GitLab requests still run. */
  end(): void {
    clearTimeout(this.timer);
    if (!this.signal.aborted) this.controller.abort(new HistoryPageDoneError('page done'));
  }
}

/**
 * A response body as text, read chunk by chunk so that no more than the limits is ever held:
 * a declared `Content-Length` above the cap is refused before reading, and reading stops
 * (the connection is cancelled) as soon as either cap is passed.
 */
export async function readBounded(
  response: Response,
  limits: PageLimits,
  maxBytes = limits.bytes.maxResponseBytes,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new HistoryTooLargeError('response', maxBytes);
  }
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (done || !value) break;
      total += value.byteLength;
      if (total > maxBytes) throw new HistoryTooLargeError('response', maxBytes);
      limits.take(value.byteLength);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    limits.throwIfEnded();
    throw error;
  }
  return Buffer.concat(chunks).toString('utf8');
}
