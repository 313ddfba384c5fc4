/**
 * The floors under `web.initial_js_gzip_kb` and `web.list_first_render_ms`: apps/web/library-floor
 * (a page that starts only the libraries the list page is built on, used as the console uses
 * them, with no console code), built with Vite's defaults, weighed as the benchmark weighs the
 * console's scripts, and served beside the list it shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzippedSize } from './gzipped-size';
import { viteBuild } from './vite-build';

/** Builds the page into `outDir`; answers the gzipped bytes (level 6) of its scripts. */
export function buildLibraryFloor(outDir: string): number {
  // Its libraries' "use client" notices say nothing about its size.
  viteBuild(outDir, { root: 'library-floor', logLevel: 'error' });
  const assets = path.join(outDir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((total, file) => total + gzippedSize(readFileSync(path.join(assets, file))), 0);
}

export interface ServedFloor {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built page on 127.0.0.1 as the BFF serves the SPA (hashed assets cached for a
 * year, the page revalidated) and `rowsJson` (the list, as the clusters API answered it) at
 * `rows.json`, not cached, as the console's list is not.
 */
export async function serveLibraryFloor(outDir: string, rowsJson: string): Promise<ServedFloor> {
  const files = new Map<string, { body: Buffer; type: string; cache: string }>();
  files.set('/', {
    body: readFileSync(path.join(outDir, 'index.html')),
    type: 'text/html; charset=utf-8',
    cache: 'no-cache',
  });
  for (const file of readdirSync(path.join(outDir, 'assets'))) {
    files.set(`/assets/${file}`, {
      body: readFileSync(path.join(outDir, 'assets', file)),
      type: file.endsWith('.js') ? 'text/javascript' : 'text/css',
      cache: 'public, max-age=31536000, immutable',
    });
  }
  files.set('/rows.json', {
    body: Buffer.from(rowsJson),
    type: 'application/json',
    cache: 'no-store',
  });
  const server = http.createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://floor').pathname);
    if (file === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': file.cache });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
