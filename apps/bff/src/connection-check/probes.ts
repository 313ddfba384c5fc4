import https from 'node:https';
import { isIP, Socket } from 'node:net';
import tls, { type PeerCertificate } from 'node:tls';
import type { CheckCredentials } from './kubeconfig-credentials';

/** Where the check connects: the name from the URL, and the one address it resolved to. */
export interface Target {
  hostname: string;
  port: number;
  address: string;
  family: 4 | 6;
}

export type ProbeFailure = { ok: false; code: string; message: string };

/** A plain TCP connection to the pinned address, closed at once. */
export function tcpConnect(
  target: Target,
  timeoutMs: number,
): Promise<{ ok: true } | ProbeFailure> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, code: 'ETIMEDOUT', message: `no answer within ${seconds(timeoutMs)}` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: true });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, code: error.code ?? 'ERROR', message: error.message });
    });
    socket.connect({ host: target.address, port: target.port, family: target.family });
  });
}

/** The name the certificate must be for: `tls-server-name` when set, else the URL's host. */
export function verifiedName(target: Target, credentials: CheckCredentials): string {
  return credentials.tlsServerName ?? target.hostname;
}

/** SNI is a name, never an address (RFC 6066). */
function serverName(target: Target, credentials: CheckCredentials): string | undefined {
  const name = verifiedName(target, credentials);
  return isIP(name) ? undefined : name;
}

export interface TlsProbe {
  ok: true;
  /** Undefined when the certificate verified: else an OpenSSL code or ERR_TLS_CERT_ALTNAME_INVALID. */
  verifyError: string | undefined;
  verifyMessage: string | undefined;
  peer: { subject: string; issuer: string; validFrom: string; validTo: string; altNames: string };
}

/**
 * A TLS handshake with the pinned address, verification done afterwards so that the answer can
 * say why it failed: chain (with the kubeconfig's CA, or the system's when it has none), dates,
 * then the name.
 */
export function tlsHandshake(
  target: Target,
  credentials: CheckCredentials,
  timeoutMs: number,
): Promise<TlsProbe | ProbeFailure> {
  return new Promise((resolve) => {
    let socket: tls.TLSSocket;
    try {
      socket = connectTls(target, credentials);
    } catch (error) {
      resolve(thrown(error));
      return;
    }
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({
        ok: false,
        code: 'ETIMEDOUT',
        message: `no TLS handshake within ${seconds(timeoutMs)}`,
      });
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerCertificate();
      let verifyError = socket.authorized ? undefined : String(socket.authorizationError);
      let verifyMessage: string | undefined;
      if (!verifyError) {
        const mismatch = tls.checkServerIdentity(verifiedName(target, credentials), peer);
        if (mismatch) {
          verifyError = (mismatch as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID';
          verifyMessage = mismatch.message;
        }
      }
      socket.destroy();
      resolve({ ok: true, verifyError, verifyMessage, peer: describePeer(peer) });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, code: error.code ?? 'ERROR', message: error.message });
    });
  });
}

function connectTls(target: Target, credentials: CheckCredentials): tls.TLSSocket {
  return tls.connect({
    host: target.address,
    port: target.port,
    servername: serverName(target, credentials),
    ca: credentials.ca,
    cert: credentials.cert,
    key: credentials.key,
    rejectUnauthorized: false,
  });
}

/** Options Node refuses (bad certificate data, a header with a line break) throw at once. */
function thrown(error: unknown): ProbeFailure {
  const { code, message } = error as NodeJS.ErrnoException;
  return { ok: false, code: code ?? 'ERROR', message: message || 'the request could not be made' };
}

function describePeer(peer: PeerCertificate) {
  const name = (part: PeerCertificate['subject'] | undefined) => {
    const cn = part?.CN;
    return Array.isArray(cn) ? cn.join(', ') : (cn ?? '');
  };
  return {
    subject: name(peer.subject),
    issuer: name(peer.issuer),
    validFrom: peer.valid_from ?? '',
    validTo: peer.valid_to ?? '',
    altNames: peer.subjectaltname ?? '',
  };
}

export interface KubeAnswer {
  ok: true;
  status: number;
  location: string | undefined;
  /** The JSON body, when it was JSON. */
  json: unknown;
}

export interface KubeRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/**
 * One request to the API server at the pinned address: the credentials from the kubeconfig, a
 * time limit, a cap on the bytes read, and redirects answered as they are (never followed).
 */
export function kubeRequest(
  target: Target,
  credentials: CheckCredentials,
  request: KubeRequest,
  limits: { timeoutMs: number; maxBytes: number; verify: boolean },
): Promise<KubeAnswer | ProbeFailure> {
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const hostHeader = isIP(target.hostname) === 6 ? `[${target.hostname}]` : target.hostname;
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    let req: ReturnType<typeof https.request> | undefined;
    const finish = (result: KubeAnswer | ProbeFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req?.destroy();
      resolve(result);
    };
    try {
      req = https.request(
        {
          host: target.address,
          family: target.family,
          port: target.port,
          method: request.method,
          path: request.path,
          agent: false,
          servername: serverName(target, credentials),
          checkServerIdentity: (_host, cert) =>
            tls.checkServerIdentity(verifiedName(target, credentials), cert),
          ca: credentials.ca,
          cert: credentials.cert,
          key: credentials.key,
          rejectUnauthorized: limits.verify,
          headers: {
            ...credentials.headers,
            Host: `${hostHeader}:${target.port}`,
            Accept: 'application/json',
            'User-Agent': 'cluster-console-connection-check',
            ...(body
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limits.maxBytes) {
              finish({
                ok: false,
                code: 'TOO_LARGE',
                message: `the answer was larger than ${Math.round(limits.maxBytes / 1024)} KiB; the console stopped reading`,
              });
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            finish({ ok: true, status: res.statusCode ?? 0, location: res.headers.location, json });
          });
          res.on('error', (error: NodeJS.ErrnoException) =>
            finish({ ok: false, code: error.code ?? 'ERROR', message: error.message }),
          );
        },
      );
    } catch (error) {
      finish(thrown(error));
      return;
    }
    timer = setTimeout(
      () =>
        finish({
          ok: false,
          code: 'ETIMEDOUT',
          message: `no answer within ${seconds(limits.timeoutMs)}`,
        }),
      limits.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, code: error.code ?? 'ERROR', message: error.message }),
    );
    req.end(body);
  });
}

export function seconds(ms: number): string {
  return `${secondsNumber(ms)} s`;
}

/** Milliseconds as seconds, whole or to a tenth (`5`, `2.5`). */
export function secondsNumber(ms: number): string {
  const value = ms / 1000;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
