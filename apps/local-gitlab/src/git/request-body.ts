import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The request body as git must read it: inflated when the client compressed it. */
export function inflatedBody(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? '').toLowerCase();
  return encoding === 'gzip' || encoding === 'x-gzip' ? req.pipe(createGunzip()) : req;
}
