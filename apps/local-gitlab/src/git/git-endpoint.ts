import type { IncomingMessage } from 'node:http';
import type { GitOperation } from './git-access';

/** `/<group>/<project>.git/<smart HTTP endpoint>` */
export const GIT_PATH = /^\/(.+?)\.git(\/info\/refs|\/git-upload-pack|\/git-receive-pack)$/;

/** What a smart HTTP endpoint does: fetch (`read`) or push (`write`); undefined: not served. */
export function operationOf(endpoint: string, service: unknown): GitOperation | undefined {
  if (endpoint === '/info/refs') {
    if (service === 'git-upload-pack') return 'read';
    if (service === 'git-receive-pack') return 'write';
    return undefined; // the dumb protocol, which GitLab does not serve either
  }
  return endpoint === '/git-receive-pack' ? 'write' : 'read';
}

/** A fetch or clone over smart HTTP (the request log keeps its successful ones at debug). */
export function isGitRead(req: IncomingMessage & { originalUrl?: string }): boolean {
  const url = new URL(req.originalUrl ?? req.url ?? '/', 'http://local');
  const endpoint = GIT_PATH.exec(url.pathname)?.[2];
  return (
    endpoint !== undefined && operationOf(endpoint, url.searchParams.get('service')) === 'read'
  );
}
