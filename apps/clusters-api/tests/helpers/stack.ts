/**
 * The real parts for HTTP tests: the local GitLab as a child process (its own data directory,
 * so its own tenant repository) and the clusters API in this process on an ephemeral port.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../../../scripts/lib/app-process';
import { createClustersApi, type ClustersApi } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { git, makeTempDir } from './git-fixtures';

export const TOKENS = {
  maintainer: 'glpat-local-maintainer',
  developer: 'glpat-local-developer',
  outsider: 'glpat-local-outsider',
} as const;

export const TENANT_PROJECT = 'nautes/tenant-config';

export interface LocalGitLab {
  app: RunningApp;
  url: string;
  dataDir: string;
  /** The bare tenant repository on the local GitLab's disk. */
  bareRepo: string;
  /** The clone URL with the maintainer's token (for checking what landed). */
  cloneUrl: string;
  stop(): Promise<void>;
}

export async function startLocalGitLab(env: Record<string, string> = {}): Promise<LocalGitLab> {
  const dataDir = makeTempDir('clusters-api-gitlab-');
  const app = await startApp('local-gitlab', { env: { DATA_DIR: dataDir, ...env } });
  const host = new URL(app.url).host;
  return {
    app,
    url: app.url,
    dataDir,
    bareRepo: path.join(dataDir, 'repositories', `${TENANT_PROJECT}.git`),
    cloneUrl: `http://oauth2:${TOKENS.maintainer}@${host}/${TENANT_PROJECT}.git`,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningClustersApi {
  url: string;
  api: ClustersApi;
  dataDir: string;
  /** Everything logged, one JSON object per line. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startClustersApi(
  gitlabUrl: string,
  env: Record<string, string> = {},
): Promise<RunningClustersApi> {
  const ownDataDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? makeTempDir('clusters-api-data-');
  const config = loadConfig({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITLAB_URL: gitlabUrl,
    DATA_DIR: dataDir,
    ...env,
  });
  let output = '';
  const logger = pino({ level: 'info' }, { write: (line: string) => void (output += line) });
  const api = await createClustersApi(config, logger);
  const server: Server = await new Promise((resolve) => {
    const listening = api.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    dataDir,
    logs: () => output,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await api.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP call; `token: null` sends no Authorization header (default: the maintainer). */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TOKENS.maintainer : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | Buffer | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** The tip of main in a bare repository. */
export function headOf(bareRepo: string): string {
  return git(bareRepo, 'rev-parse', 'refs/heads/main').trim();
}
