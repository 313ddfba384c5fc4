/**
 * The floor under `web.initial_js_gzip_kb`: builds apps/web/library-floor (a page that starts
 * only the libraries the list page is built on, used as the console uses them, with no console
 * code) with Vite's defaults and sums its scripts gzipped as the benchmark sums the console's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { viteBuild } from './vite-build';

/** Gzipped bytes (level 6) of every script the library-floor page loads. */
export function libraryFloorGzipBytes(): number {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-library-floor-'));
  try {
    // Its libraries' "use client" notices say nothing about its size.
    viteBuild(outDir, { root: 'library-floor', logLevel: 'error' });
    const assets = path.join(outDir, 'assets');
    return readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .reduce(
        (total, file) =>
          total + gzipSync(readFileSync(path.join(assets, file)), { level: 6 }).length,
        0,
      );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
