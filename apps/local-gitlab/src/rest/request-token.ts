import type { IncomingHttpHeaders } from 'node:http';

/** The token of a REST call: `Authorization: Bearer <token>` or `PRIVATE-TOKEN: <token>`. */
export function requestToken(headers: IncomingHttpHeaders): string | undefined {
  const privateToken = headers['private-token'];
  if (typeof privateToken === 'string' && privateToken.trim()) return privateToken.trim();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
