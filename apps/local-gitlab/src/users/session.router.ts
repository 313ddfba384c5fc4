import { Router, type RequestHandler } from 'express';
import { escapeHtml, htmlPage } from '../oidc/html';
import type { Directory } from './directory';

/** oidc-provider's sign-in session cookies (signed, hence the `.sig` twins). */
const SESSION_COOKIES = ['_session', '_session.sig', '_session.legacy', '_session.legacy.sig'];

/** GitLab's `/users/sign_out` (ends the browser's sign-in here; tokens stay valid) and a home page. */
export function sessionRouter(directory: Directory, baseUrl: string): Router {
  const router = Router();

  const signOut: RequestHandler = (_req, res) => {
    for (const name of SESSION_COOKIES)
      res.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax' });
    res
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-store')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'self'")
      .send(
        htmlPage(
          'Signed out',
          '<h1>Signed out</h1>\n<p>You are signed out of Local GitLab. The next sign-in asks for a username and password again.</p>',
        ),
      );
  };
  router.post('/users/sign_out', signOut);
  router.get('/users/sign_out', signOut);

  router.get('/', (_req, res) => {
    const projects = directory.projects
      .map((project) => {
        const url = `${baseUrl}/${project.path_with_namespace}.git`;
        return `<li><strong>${escapeHtml(project.path_with_namespace)}</strong> (id ${project.id}): <code>git clone ${escapeHtml(url)}</code></li>`;
      })
      .join('\n');
    res
      .type('html')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'self'")
      .send(
        htmlPage(
          'Home',
          `<h1>Local GitLab</h1>
<p>A GitLab stand-in for development: OAuth 2.0 / OpenID Connect at
<code>${escapeHtml(baseUrl)}/.well-known/openid-configuration</code>, the REST API under
<code>/api/v4</code> and Git over HTTP.</p>
<h2>Projects</h2>
<ul>
${projects}
</ul>
<p><a href="/users/sign_out">Sign out</a></p>`,
        ),
      );
  });
  return router;
}
