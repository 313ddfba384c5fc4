import { Router } from 'express';
import { escapeHtml } from '../oidc/html';
import type { Directory } from './directory';

const COLORS = ['#1f75cb', '#108548', '#ab6100', '#6e49cb', '#c91c00', '#0b5cad'];

/** A generated initials avatar, so users without an `avatar_url` still have a picture. */
export function avatarRouter(directory: Directory): Router {
  const router = Router();
  router.get('/uploads/-/system/user/avatar/:id/avatar.svg', (req, res) => {
    const user = directory.userById(req.params.id);
    if (!user) {
      res
        .status(404)
        .json({ code: 404, reason: 'NOT_FOUND', message: '404 Not Found', metadata: {} });
      return;
    }
    const initial = escapeHtml((user.name.trim()[0] ?? user.username[0] ?? '?').toUpperCase());
    const color = COLORS[user.id % COLORS.length] ?? '#1f75cb';
    res
      .type('image/svg+xml')
      .set('Cache-Control', 'public, max-age=3600')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(
        `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${escapeHtml(user.name)}">` +
          `<rect width="96" height="96" rx="48" fill="${color}"/>` +
          `<text x="48" y="48" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="44" fill="#fff">${initial}</text>` +
          `</svg>`,
      );
  });
  return router;
}
