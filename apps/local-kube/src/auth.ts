import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Rules } from './access';
import { issueCertificate, type Authority, type Pem } from './certs';

/** A user of the stand-in: a client certificate (CN = name, O = groups) or a bearer token. */
export interface KubeUser {
  name: string;
  groups?: string[];
  credential: 'certificate' | 'token';
  /** What it may do: see access.ts. */
  may: Rules;
}

export type Credentials = Record<string, { certificate?: Pem; token?: string }>;

export type Identity =
  { name: string; groups: string[]; user: KubeUser | undefined; anonymous: boolean } | 'invalid';

export interface Authenticator {
  credentials: Credentials;
  authenticate(req: IncomingMessage): Identity;
}

/**
 * Credentials for every user (a certificate signed by the stand-in's CA, or a token: fixed
 * `local-kube-token-<name>` for tests, random when asked), and kube-apiserver's order of
 * authentication: client certificate, else bearer token, else `system:anonymous`.
 */
export function createAuthenticator(
  authority: Authority,
  users: KubeUser[],
  randomTokens: boolean,
): Authenticator {
  const credentials: Credentials = {};
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
      const token = randomTokens
        ? `${user.name}.${randomBytes(24).toString('base64url')}`
        : `local-kube-token-${user.name}`;
      credentials[user.name] = { token };
      byToken.set(token, user);
    }
  }
  const byName = new Map(users.map((user) => [user.name, user]));
  return {
    credentials,
    authenticate(req) {
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
        return {
          name,
          groups: [...groups, 'system:authenticated'],
          user: byName.get(name),
          anonymous: false,
        };
      }
      const authorization = req.headers.authorization;
      if (authorization) {
        const match = /^Bearer (.+)$/.exec(authorization);
        const user = match ? byToken.get(match[1] ?? '') : undefined;
        if (!user) return 'invalid';
        return {
          name: user.name,
          groups: [...(user.groups ?? []), 'system:authenticated'],
          user,
          anonymous: false,
        };
      }
      return {
        name: 'system:anonymous',
        groups: ['system:unauthenticated'],
        user: undefined,
        anonymous: true,
      };
    },
  };
}
