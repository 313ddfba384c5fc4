import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { Config } from './config';
import { ensureRepository } from './git/repositories';
import { logTokenGrants } from './oidc/grant-log';
import { createOidcProvider } from './oidc/provider';
import { ProviderStore } from './oidc/provider-store';
import { loadOrCreateOidcKeys } from './oidc/signing-keys';
import { Directory } from './users/directory';
import { createTokenResolver } from './users/principal';
import { loadUsersFile } from './users/users-file';

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:<port>`: where it listens (the issuer, unless PUBLIC_URL says otherwise). */
  url: string;
  issuer: string;
  close(): Promise<void>;
}

/**
 * Loads the users file and keys, creates the repositories, then listens. The socket is bound
 * before the OIDC provider is built because, with PORT=0, the issuer holds the actual port.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const directory = new Directory(await loadUsersFile(config.usersFile));
  const keys = await loadOrCreateOidcKeys(config.dataDir);
  const store = await ProviderStore.open(path.join(config.dataDir, 'oidc-state.json'));
  for (const project of directory.projects) await ensureRepository(config.dataDir, project);

  const server = createServer();
  // Git pushes and clones of a large repository can take a while; no request timeout.
  server.requestTimeout = 0;
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const issuer = config.publicUrl ?? url;

  const provider = createOidcProvider({
    issuer,
    directory,
    keys,
    adapter: store.adapterFactory,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    consoleClient: config.consoleClient,
  });
  provider.on('server_error', (_ctx, error) => {
    logger.error({ err: { type: error.name, message: error.message } }, 'oidc provider error');
  });
  logTokenGrants(provider, logger);
  const app = createApp({
    baseUrl: issuer,
    dataDir: config.dataDir,
    directory,
    provider,
    resolveToken: createTokenResolver(directory, provider),
    logger,
    redirectOrigins: [
      ...new Set(config.consoleClient.redirectUris.map((uri) => new URL(uri).origin)),
    ],
  });
  server.on('request', app);

  return {
    server,
    url,
    issuer,
    close: async () => {
      server.closeIdleConnections();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Give open requests a moment, then cut what is left (a stuck git client, keep-alive).
      const timer = setTimeout(() => server.closeAllConnections(), 3_000);
      await closed;
      clearTimeout(timer);
      await store.flush();
    },
  };
}
