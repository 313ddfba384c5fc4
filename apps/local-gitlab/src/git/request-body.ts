import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The request body as git must read it: inflated when the client compressed it. */
export function inflatedBody(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? '').toLowerCase();
  return encoding === 'gzip' || encoding === 'x-gzip' ? req.pipe(createGunzip()) : req;
}

export interface BufferedBody {
  /** The body, or its first `limit`-odd bytes when it is longer. */
  head: Buffer;
  complete: boolean;
  /** The whole body again: `head`, then whatever was not read yet. */
  replay(): AsyncIterable<Buffer>;
}

/**
 * Reads a body into memory up to `limit` bytes (a push from the clusters API is a few KiB),
 * keeping the rest unread so that a large push still streams to git.
 */
export async function bufferBody(body: Readable, limit: number): Promise<BufferedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let complete = false;
  while (size <= limit) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  return {
    head,
    complete,
    replay: async function* () {
      yield head;
      if (complete) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    },
  };
}
