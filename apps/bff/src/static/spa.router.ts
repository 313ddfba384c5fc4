import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Cluster console not built</title></head>
<body>
<h1>The web console is not built</h1>
<p>The console backend is running, but the web app it serves has not been built yet.</p>
<p>Build it with <code>pnpm --filter @cluster-console/web build</code> (<code>npm start</code> does this for you), then reload this page.</p>
</body>
</html>
`;

/** The tag apps/web/index.html carries; the SPA is built with relative asset URLs. */
const BASE_TAG = /<base\b[^>]*>\s*/gi;

/**
 * index.html with `<base href="<basePath>/">` first in its head: one build serves any base path
 * chosen at deploy time. The page's relative asset URLs (the early script the build puts first
 * too: hence first, before any URL is resolved), its lazy chunks (resolved from the module's
 * own URL) and the SPA's router and API client (which read the tag) all follow it, from a deep
 * link like `<base>/clusters/x/edit` too. No inline script, so the CSP stays as it is.
 */
export function withBaseHref(html: string, basePath: string): string {
  return html
    .replace(BASE_TAG, '')
    .replace(/<head>/i, (head) => `${head}<base href="${basePath}/" />`);
}

/**
 * Serves the built SPA under the base path (the request URL here is already inside it, see
 * base-path.ts): hashed assets cached for a year, everything else revalidated; any other GET
 * for a page (a path without a file extension) gets index.html, so the SPA's router handles
 * deep links. Without a build: a clear 503 page instead.
 */
export function spaRouter(distDir: string, basePath: string): Router {
  const indexFile = path.join(distDir, 'index.html');
  const router = Router();
  const notBuilt: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    // Checked per request, so building the SPA while the BFF runs is enough.
    if (existsSync(indexFile)) {
      next();
      return;
    }
    res.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT_PAGE);
  };
  const sendIndex: RequestHandler = (_req, res, next) => {
    // Read per request (a few KB, pages only), so rebuilding the SPA while the BFF runs is enough.
    readFile(indexFile, 'utf8').then((html) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(withBaseHref(html, basePath));
    }, next);
  };
  router.use(notBuilt);
  // Never the file as built: it must carry the base path.
  router.get('/index.html', sendIndex);
  router.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.startsWith(path.join(distDir, 'assets') + path.sep);
        res.setHeader(
          'Cache-Control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || path.extname(req.path) !== '') {
      next();
      return;
    }
    sendIndex(req, res, next);
  });
  return router;
}
