import { AUTH_SESSION_PATH, type SessionReply } from '@cluster-console/shared';
import { Router, type RequestHandler } from 'express';
import { apiNotFound } from '../middleware/errors';
import type { AuthContext } from './auth-context';
import { callbackRouter } from './callback.router';
import { loginRouter } from './login.router';
import { logoutRouter } from './logout.router';
import { requireSignedIn } from './signed-in.middleware';

/** The browser's side of the OAuth flow; everything under /auth answers no-store (app.ts). */
export function authRouter(context: AuthContext, loginRateLimit: RequestHandler): Router {
  const router = Router();
  router.use(loginRouter(context, loginRateLimit), callbackRouter(context));
  router.get(AUTH_SESSION_PATH, requireSignedIn(context), (req, res) => {
    const reply: Partial<SessionReply> = { user: req.session.user };
    res.json(reply);
  });
  router.use(logoutRouter(context));
  router.all('/auth/{*rest}', apiNotFound);
  return router;
}
