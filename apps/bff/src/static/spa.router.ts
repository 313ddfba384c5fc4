import { existsSync } from 'node:fs';
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

/**
 * Serves the built SPA: hashed assets cached for a year, everything else revalidated; any
 * other GET for a page (a path without a file extension) gets index.html, so the SPA's
 * router handles deep links. Without a build: a clear 503 page instead.
 */
export function spaRouter(distDir: string): Router {
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
  router.use(notBuilt);
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
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
