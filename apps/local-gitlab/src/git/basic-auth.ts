import type { IncomingHttpHeaders } from 'node:http';

/** `Authorization: Basic base64(user:password)`, or undefined when absent or malformed. */
export function basicCredentials(
  headers: IncomingHttpHeaders,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
