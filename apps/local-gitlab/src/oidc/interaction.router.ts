import express, { Router, type Response } from 'express';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { Directory } from '../users/directory';
import { renderErrorPage } from './error.page';
import { INTERACTION_PATH } from './gitlab-routes';
import { renderSignInPage } from './sign-in.page';

/** GitLab's wording for a failed sign-in. */
export const INVALID_LOGIN_MESSAGE = 'Invalid login or password.';

function sendHtml(res: Response, status: number, html: string) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(html);
}

/** The sign-in page the provider sends the browser to, and its form post. */
export function interactionRouter(provider: Provider, directory: Directory): Router {
  const router = Router();
  const loginAction = (uid: string) => `${INTERACTION_PATH}/${encodeURIComponent(uid)}/login`;

  router.get(`${INTERACTION_PATH}/:uid`, async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== req.params.uid)
      return sendHtml(res, 400, renderErrorPage('invalid_request', 'interaction mismatch'));
    if (details.prompt.name === 'login') {
      const client = await provider.Client.find(String(details.params.client_id));
      return sendHtml(
        res,
        200,
        renderSignInPage({ action: loginAction(details.uid), clientName: client?.clientName }),
      );
    }
    // Any other prompt (consent): the console is trusted, so grant what it asked for.
    const { accountId } = details.session ?? {};
    if (!accountId) return sendHtml(res, 400, renderErrorPage('login_required'));
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) return sendHtml(res, 400, renderErrorPage('invalid_request', 'grant not found'));
    if (typeof details.params.scope === 'string') grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  });

  router.post(
    `${INTERACTION_PATH}/:uid/login`,
    express.urlencoded({ extended: false, limit: '16kb' }),
    async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== req.params.uid || details.prompt.name !== 'login') {
        return sendHtml(
          res,
          400,
          renderErrorPage('invalid_request', 'this sign-in request is not waiting for a login'),
        );
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const user = directory.authenticate(username, password);
      if (!user) {
        req.log.info({ event: 'sign_in_failed' }, 'sign-in failed');
        const client = await provider.Client.find(String(details.params.client_id));
        return sendHtml(
          res,
          200,
          renderSignInPage({
            action: loginAction(details.uid),
            username,
            error: INVALID_LOGIN_MESSAGE,
            clientName: client?.clientName,
          }),
        );
      }
      req.log.info({ event: 'signed_in', username: user.username }, 'signed in');
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: String(user.id), amr: ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
    },
  );

  // An expired or unknown interaction (no cookie, restarted server): explain instead of a stack trace.
  router.use(INTERACTION_PATH, ((error, _req, res, next) => {
    if (error instanceof errors.SessionNotFound || error instanceof errors.InvalidRequest) {
      return sendHtml(
        res,
        400,
        renderErrorPage(
          'invalid_request',
          'this sign-in request has expired or is unknown. Go back to the application and sign in again.',
        ),
      );
    }
    next(error);
  }) as express.ErrorRequestHandler);

  return router;
}
