import { Router } from 'express';

/** Liveness: the process answers and its working clone is open (createApp runs after that). */
export function healthRouter(): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  return router;
}
