import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createAuthenticator, type Credentials, type Identity, type KubeUser } from './auth';
import { createAuthority, issueCertificate, type Authority } from './certs';
import { DISCOVERY } from './discovery';
import { Faults, type Fault } from './resources/faults';
import { handleNamespace } from './namespaces';
import { handleResource } from './resources/handler';
import { ResourceStore } from './resources/store';
import { WatchRegistry } from './resources/watch-stream';
import { reviewAccess, reviewSelf } from './reviews';
import { forbidden, sendJson, sendStatus, versionInfo } from './responses';

export type { KubeUser } from './auth';

export interface LocalKubeOptions {
  users?: KubeUser[];
  /** Random bearer tokens (a process others reach); `local-kube-token-<name>` otherwise (tests). */
  randomTokens?: boolean;
  /** Where to listen: 127.0.0.1 and an ephemeral port by default. */
  host?: string;
  port?: number;
  /** What the server certificate is wrong about; a good certificate for 127.0.0.1 and localhost otherwise. */
  serverCertificate?: 'good' | 'expired' | 'wrong-name';
  /** Every answer waits this long. */
  delayMs?: number;
  /** Every request is answered with a 302 to this URL. */
  redirectTo?: string;
  gitVersion?: string;
  /** False: an API server older than 1.28 (no authentication.k8s.io/v1 SelfSubjectReview: 404). */
  selfSubjectReview?: boolean;
  /** Events kept for watches to resume from (older: 410 Expired). Default 1000. */
  historySize?: number;
  /** BOOKMARK events to watches that allow them, this often. Default 60 s (as kube-apiserver). */
  bookmarkIntervalMs?: number;
  /** A watch without `timeoutSeconds` ends after this. Default 1800 s. */
  watchTimeoutSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  user: string | undefined;
  /** What the client presented: an Authorization header, a client certificate (any CA). */
  presented: { authorization: boolean; clientCertificate: boolean };
  /** When it arrived (`performance.now()`): tests measure a client's retry delays by it. */
  at: number;
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
  credentials: Credentials;
  requests: RecordedRequest[];
  handshakes: RecordedHandshake[];
  /** The objects, in process: operators and tests read and write here as through the API. */
  store: ResourceStore;
  /** Test hooks: cut every open watch; send a BOOKMARK now; forget history (410 for older versions); fail the next requests. */
  dropWatches(options?: { abrupt?: boolean }): void;
  bookmarkNow(): void;
  compact(): void;
  failNext(fault: Fault): void;
  /** How many watches are open. */
  openWatches(): number;
  close(): Promise<void>;
}

export const WATCHER_RULES = [
  'get,list,watch clusters.nautes.resource.nautes.io in nautes',
  'get,list,watch applications.argoproj.io in argocd',
];

export const DEFAULT_USERS: KubeUser[] = [
  { name: 'kube-admin', groups: ['system:masters'], credential: 'certificate', may: 'all' },
  { name: 'deployer', credential: 'token', may: 'all' },
  { name: 'viewer', credential: 'certificate', may: ['create namespaces'] },
  // The console's read-only watcher, as deploy's Roles grant it.
  { name: 'cluster-watcher', credential: 'token', may: WATCHER_RULES },
  { name: 'nobody', credential: 'token', may: [] },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A Kubernetes API server stand-in (HTTPS with its own CA made at start) on 127.0.0.1. It
 * authenticates as kube-apiserver does (client certificate CN/O, else bearer token, else
 * anonymous), and answers discovery, `/version`, SelfSubjectReview, SelfSubjectAccessReview and
 * the Cluster and Application custom resources (list, get, watch, write, status) with the
 * status codes, kinds and `Status` error bodies of a real one.
 */
export async function startLocalKube(options: LocalKubeOptions = {}): Promise<LocalKube> {
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
  const auth = createAuthenticator(
    authority,
    options.users ?? DEFAULT_USERS,
    options.randomTokens ?? false,
  );
  const requests: RecordedRequest[] = [];
  const handshakes: RecordedHandshake[] = [];
  const store = new ResourceStore(options.historySize ?? 1000);
  const watches = new WatchRegistry(options.bookmarkIntervalMs ?? 60_000);
  const faults = new Faults();
  const context = {
    store,
    watches,
    faults,
    watchTimeoutSeconds: options.watchTimeoutSeconds ?? 1800,
  };

  const server = https.createServer(
    {
      key: serverCert.keyPem,
      cert: serverCert.certPem,
      ca: authority.certPem,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const identity = auth.authenticate(req);
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        user: identity === 'invalid' ? undefined : identity.name,
        presented: {
          authorization: req.headers.authorization !== undefined,
          clientCertificate: presentedCertificate(req.socket as TLSSocket),
        },
        at: performance.now(),
      });
      const answer = () => {
        if (options.redirectTo) {
          res.writeHead(302, { Location: options.redirectTo, 'Content-Length': '0' });
          res.end();
          return;
        }
        void handle(req, res, identity, options, context).catch(() => {
          if (!res.headersSent) sendStatus(res, 500, 'InternalError', 'Internal error');
          else res.destroy();
        });
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    },
  );
  server.on('secureConnection', (socket: TLSSocket) => {
    handshakes.push({ clientCertificate: presentedCertificate(socket) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    authority,
    credentials: auth.credentials,
    requests,
    handshakes,
    store,
    dropWatches: (drop) => watches.dropAll(drop?.abrupt ?? false),
    bookmarkNow: () => watches.bookmarkAll(),
    compact: () => store.compact(),
    failNext: (fault) => faults.add(fault),
    openWatches: () => watches.size,
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

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Identity,
  options: LocalKubeOptions,
  context: Parameters<typeof handleResource>[4],
): Promise<void> {
  if (identity === 'invalid') {
    sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
    return;
  }
  const path = new URL(req.url ?? '/', 'https://local-kube').pathname;
  const body = await readBody(req);
  if (req.method === 'GET' && (path === '/version' || path === '/version/')) {
    sendJson(res, 200, versionInfo(options.gitVersion ?? 'v1.31.4'));
    return;
  }
  if (req.method === 'GET' && DISCOVERY[path]) {
    if (identity.anonymous) return forbidden(res, identity.name, 'get', undefined, undefined, path);
    sendJson(res, 200, DISCOVERY[path]);
    return;
  }
  if (
    path === '/apis/authentication.k8s.io/v1/selfsubjectreviews' &&
    options.selfSubjectReview !== false
  ) {
    return reviewSelf(req, res, identity, body);
  }
  if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
    return reviewAccess(req, res, identity, body);
  }
  if (handleNamespace(req, res, identity, path, context.store)) return;
  if (handleResource(req, res, identity, body, context)) return;
  sendStatus(res, 404, 'NotFound', 'the server could not find the requested resource');
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
