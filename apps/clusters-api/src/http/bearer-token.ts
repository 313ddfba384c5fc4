import type { Request } from 'express';
import { unauthenticated } from './api-error';

/** The caller's GitLab token from `Authorization: Bearer <token>`; 401 when there is none. */
export function bearerToken(req: Request): string {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw unauthenticated('Send your GitLab access token as "Authorization: Bearer <token>".');
  }
  const match = /^Bearer\s+([\x21-\x7e]+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw unauthenticated('The Authorization header must be "Bearer <GitLab access token>".');
  }
  return match[1];
}
