import type { RequestHandler, Response } from 'express';
import type { CallerContext } from '../clusters/cluster.service';
import type { Need, PermissionService } from '../gitlab/permission.service';
import { bearerToken } from './bearer-token';

/**
 * Authenticates and authorizes before anything else runs for the route (before the body is
 * even read), so a refused request can change nothing.
 */
export function authorize(permissions: PermissionService, need: Need): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    const caller = await permissions.authorize(token, need);
    const context: CallerContext = { caller, token };
    res.locals.callerContext = context;
    next();
  };
}

export function callerContext(res: Response): CallerContext {
  const context = res.locals.callerContext as CallerContext | undefined;
  if (!context) throw new Error('authorize() must run before this handler');
  return context;
}
