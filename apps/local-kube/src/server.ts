import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createAuthority, issueCertificate, type Authority, type Pem } from './certs';
import {
  badRequest,
  DISCOVERY,
  forbidden,
  methodNotAllowed,
  sendJson,
  sendStatus,
  versionInfo,
} from './responses';

/** A user of the stand-in: a client certificate (CN = name, O = groups) or a bearer token. */
export interface KubeUser {
  name: string;
  groups?: string[];
  credential: 'certificate' | 'token';
  /** `all` (like system:masters), or the `verb resource` pairs it may do cluster-wide. */
  may: 'all' | string[];
}

export interface LocalKubeOptions {
  users?: KubeUser[];
  /** What the server certificate is wrong about; a good certificate for 127.0.0.1 and localhost otherwise. */
  serverCertificate?: 'good' | 'expired' | 'wrong-name';
  /** Every answer waits this long. */
  delayMs?: number;
  /** Every request is answered with a 302 to this URL. */
  redirectTo?: string;
  gitVersion?: string;
  /** False: an API server older than 1.28 (no authentication.k8s.io/v1 SelfSubjectReview: 404). */
  selfSubjectReview?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  user: string | undefined;
  /** What the client presented: an Authorization header, a client certificate (any CA). */
  presented: { authorization: boolean; clientCertificate: boolean };
}

/** One TLS handshake, request or not: whether the client presented a certificate in it. */
export interface RecordedHandshake {
  clientCertificate: boolean;
}

export interface LocalKube {
  url: string;
  port: number;
  authority: Authority;
  /** Client certificates and tokens, by user name. */
  credentials: Record<string, { certificate?: Pem; token?: string }>;
  requests: RecordedRequest[];
  handshakes: RecordedHandshake[];
  close(): Promise<void>;
}

export const DEFAULT_USERS: KubeUser[] = [
  { name: 'kube-admin', groups: ['system:masters'], credential: 'certificate', may: 'all' },
  { name: 'deployer', credential: 'token', may: 'all' },
  { name: 'viewer', credential: 'certificate', may: ['create namespaces'] },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A Kubernetes API server stand-in on 127.0.0.1 (an ephemeral port), HTTPS with its own CA made
 * at start. It authenticates as kube-apiserver does (client certificate CN/O, else bearer token,
 * else anonymous), and answers discovery, `/version`, SelfSubjectReview and
 * SelfSubjectAccessReview with the status codes, kinds and `Status` error bodies of a real one.
 */
export async function startLocalKube(options: LocalKubeOptions = {}): Promise<LocalKube> {
  const users = options.users ?? DEFAULT_USERS;
  const authority = createAuthority();
  const serverCert = issueCertificate(authority, {
    commonName: 'kube-apiserver',
    usage: 'server',
    ...(options.serverCertificate === 'wrong-name'
      ? { dnsNames: ['kubernetes.example.internal'] }
      : { dnsNames: ['localhost', 'kubernetes'], ipAddresses: ['127.0.0.1', '::1'] }),
    ...(options.serverCertificate === 'expired'
      ? { notBefore: new Date(Date.now() - 30 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) }
      : {}),
  });
  const credentials: LocalKube['credentials'] = {};
  const byToken = new Map<string, KubeUser>();
  for (const user of users) {
    if (user.credential === 'certificate') {
      credentials[user.name] = {
        certificate: issueCertificate(authority, {
          commonName: user.name,
          organisations: user.groups ?? [],
          usage: 'client',
        }),
      };
    } else {
      const token = `local-kube-token-${user.name}`;
      credentials[user.name] = { token };
      byToken.set(token, user);
    }
  }
  const byName = new Map(users.map((user) => [user.name, user]));
  const requests: RecordedRequest[] = [];
  const handshakes: RecordedHandshake[] = [];

  const server = https.createServer(
    {
      key: serverCert.keyPem,
      cert: serverCert.certPem,
      ca: authority.certPem,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const identity = authenticate(req, byName, byToken);
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        user: identity === 'invalid' ? undefined : identity.name,
        presented: {
          authorization: req.headers.authorization !== undefined,
          clientCertificate: presentedCertificate(req.socket as TLSSocket),
        },
      });
      const answer = () => {
        if (options.redirectTo) {
          res.writeHead(302, { Location: options.redirectTo, 'Content-Length': '0' });
          res.end();
          return;
        }
        void handle(req, res, identity, options).catch(() => {
          sendStatus(res, 500, 'InternalError', 'Internal error');
        });
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    },
  );
  server.on('secureConnection', (socket: TLSSocket) => {
    handshakes.push({ clientCertificate: presentedCertificate(socket) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    authority,
    credentials,
    requests,
    handshakes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function presentedCertificate(socket: TLSSocket): boolean {
  const peer = socket.getPeerCertificate();
  return Boolean(peer && Object.keys(peer).length > 0);
}

type Identity = { name: string; groups: string[]; user: KubeUser | undefined } | 'invalid';

function authenticate(
  req: IncomingMessage,
  byName: Map<string, KubeUser>,
  byToken: Map<string, KubeUser>,
): Identity {
  const socket = req.socket as TLSSocket;
  const peer = socket.getPeerCertificate();
  if (peer && Object.keys(peer).length > 0) {
    if (!socket.authorized) return 'invalid';
    const name = String(peer.subject.CN);
    const organisations = peer.subject.O;
    const groups = Array.isArray(organisations)
      ? organisations
      : organisations
        ? [organisations]
        : [];
    return { name, groups: [...groups, 'system:authenticated'], user: byName.get(name) };
  }
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer (.+)$/.exec(authorization);
    const user = match ? byToken.get(match[1] ?? '') : undefined;
    if (!user) return 'invalid';
    return { name: user.name, groups: [...(user.groups ?? []), 'system:authenticated'], user };
  }
  return { name: 'system:anonymous', groups: ['system:unauthenticated'], user: undefined };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Identity,
  options: LocalKubeOptions,
): Promise<void> {
  if (identity === 'invalid') {
    sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
    return;
  }
  const path = new URL(req.url ?? '/', 'https://local-kube').pathname;
  const body = await readBody(req);
  const anonymous = identity.user === undefined && identity.name === 'system:anonymous';
  if (req.method === 'GET' && (path === '/version' || path === '/version/')) {
    sendJson(res, 200, versionInfo(options.gitVersion ?? 'v1.31.4'));
    return;
  }
  if (req.method === 'GET' && DISCOVERY[path]) {
    if (anonymous) {
      forbidden(res, identity.name, 'get', undefined, undefined, path);
      return;
    }
    sendJson(res, 200, DISCOVERY[path]);
    return;
  }
  if (
    path === '/apis/authentication.k8s.io/v1/selfsubjectreviews' &&
    options.selfSubjectReview !== false
  ) {
    if (req.method !== 'POST') return methodNotAllowed(res);
    if (anonymous)
      return forbidden(res, identity.name, 'create', 'authentication.k8s.io', 'selfsubjectreviews');
    const review = parseJson(body);
    if (review?.kind !== 'SelfSubjectReview') return badRequest(res, 'SelfSubjectReview');
    sendJson(res, 201, {
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      status: { userInfo: { username: identity.name, groups: identity.groups } },
    });
    return;
  }
  if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
    if (req.method !== 'POST') return methodNotAllowed(res);
    if (anonymous)
      return forbidden(
        res,
        identity.name,
        'create',
        'authorization.k8s.io',
        'selfsubjectaccessreviews',
      );
    const review = parseJson(body);
    const spec = review?.spec as
      { resourceAttributes?: { verb?: string; resource?: string } } | undefined;
    if (review?.kind !== 'SelfSubjectAccessReview' || !spec?.resourceAttributes) {
      return badRequest(res, 'SelfSubjectAccessReview');
    }
    const { verb = '', resource = '' } = spec.resourceAttributes;
    const may = identity.user?.may ?? (identity.groups.includes('system:masters') ? 'all' : []);
    const allowed = may === 'all' || may.includes(`${verb} ${resource}`);
    sendJson(res, 201, {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status: allowed ? { allowed: true, reason: 'RBAC: allowed' } : { allowed: false },
    });
    return;
  }
  sendStatus(res, 404, 'NotFound', 'the server could not find the requested resource');
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1024 * 1024) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
