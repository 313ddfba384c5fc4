import { gzipSync } from 'node:zlib';

/** Bytes of `body` gzipped at level 6, as a web server would send it: how scripts are weighed. */
export function gzippedSize(body: Buffer): number {
  return gzipSync(body, { level: 6 }).length;
}
