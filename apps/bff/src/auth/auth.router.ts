import { Router, type RequestHandler } from 'express';
import { apiNotFound } from '../middleware/errors';
import type { AuthContext } from './auth-context';
import { callbackRoute } from './callback.route';
import { loginRoute } from './login.route';
import { logoutRoute } from './logout.route';
import { requireSignedIn } from './signed-in.middleware';

/** The browser's side of the OAuth flow; everything under /auth answers no-store (app.ts). */
export function authRouter(context: AuthContext, loginRateLimit: RequestHandler): Router {
  const router = Router();
  router.get('/auth/login', loginRateLimit, loginRoute(context));
  router.get('/auth/callback', callbackRoute(context));
  router.get('/auth/session', requireSignedIn(context), (req, res) => {
    res.json({ user: req.session.user });
  });
  router.post('/auth/logout', logoutRoute(context));
  router.all('/auth/{*rest}', apiNotFound);
  return router;
}
