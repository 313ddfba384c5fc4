import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet with a CSP that allows no inline script (the SPA is built to files), no framing,
 * requests only to ourselves, and images from ourselves, data: URLs and GitLab (avatars).
 * HSTS and upgrade-insecure-requests only when the console is served over https.
 */
export function securityHeaders(options: { publicUrl: string; gitlabUrl: string }): RequestHandler {
  const https = new URL(options.publicUrl).protocol === 'https:';
  const gitlabOrigin = new URL(options.gitlabUrl).origin;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', gitlabOrigin],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}

/** API and auth answers hold personal data and must never be cached. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
