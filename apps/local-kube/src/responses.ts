import type { ServerResponse } from 'node:http';

/** What kube-apiserver answers: the version, a little discovery, and `Status` failures. */
export function versionInfo(gitVersion: string) {
  const [, major = '1', minor = '31'] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  return {
    major,
    minor,
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-10T00:00:00Z',
    goVersion: 'go1.22.10',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

/** A `metav1.Status` failure, as kube-apiserver writes it. */
export function sendStatus(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): void {
  sendJson(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}

export function forbidden(
  res: ServerResponse,
  user: string,
  verb: string,
  group: string | undefined,
  resourceName: string | undefined,
  path?: string,
): void {
  const message = resourceName
    ? `${resourceName}.${group ?? ''} is forbidden: User "${user}" cannot ${verb} resource "${resourceName}" in API group "${group ?? ''}" at the cluster scope`
    : `forbidden: User "${user}" cannot ${verb} path "${path ?? '/'}"`;
  sendStatus(
    res,
    403,
    'Forbidden',
    message,
    resourceName ? { group, kind: resourceName } : undefined,
  );
}

export function methodNotAllowed(res: ServerResponse): void {
  sendStatus(
    res,
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );
}

export function badRequest(res: ServerResponse, kind: string): void {
  sendStatus(res, 400, 'BadRequest', `the body of the request was not a valid ${kind}`);
}
