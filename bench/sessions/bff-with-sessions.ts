/**
 * The BFF exactly as apps/bff/src/main.ts builds it (config from the environment, services,
 * app), plus one thing for the `sessions` benchmark: on a message from the parent it fills
 * the memory session store with copies of a real signed-in session (fresh ids and token
 * strings of the same lengths, so nothing is shared), then runs the garbage collector and
 * answers with a signed cookie for one of the copies, to prove they work.
 * Run with `--expose-gc`, as a child process with an IPC channel.
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '@cluster-console/bff/app';
import { loadConfig } from '@cluster-console/bff/config';
import { createLogger } from '@cluster-console/bff/logger';
import { createServices, type Services } from '@cluster-console/bff/services';

type SessionData = Parameters<Services['store']['set']>[1];

export interface FillRequest {
  count: number;
  /** The signed-in session's cookie value (`s:<id>.<signature>`, URL-encoded). */
  cookieValue: string;
}

export type ChildMessage =
  | { event: 'listening'; url: string }
  | { event: 'filled'; stored: number; cookieValue: string }
  | { event: 'error'; message: string };

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** A random string as long as `text` (base64url), so a copy costs what the original does. */
function like(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return randomBytes(Math.ceil((text.length * 3) / 4) + 1)
    .toString('base64url')
    .slice(0, text.length);
}

function sign(id: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(id).digest('base64').replace(/=+$/, '');
  return encodeURIComponent(`s:${id}.${signature}`);
}

const config = loadConfig();
const logger = createLogger(config.logLevel);
const services = await createServices(config, logger);
const server = http.createServer();
await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
server.on(
  'request',
  createApp({ config, publicUrl: config.publicUrl ?? url, logger, services }).handler,
);

process.on('message', (message: FillRequest) => {
  void fill(message).catch((error: unknown) =>
    send({ event: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ event: 'listening', url });

async function fill({ count, cookieValue }: FillRequest): Promise<void> {
  const { store } = services;
  const decoded = decodeURIComponent(cookieValue);
  const id = decoded.slice(2, decoded.lastIndexOf('.'));
  const original = await new Promise<SessionData>((resolve, reject) =>
    store.get(id, (error, data) =>
      error || !data ? reject(new Error('signed-in session not found')) : resolve(data),
    ),
  );
  if (!original.tokens || !original.user) throw new Error('the session is not signed in');
  let lastId = '';
  for (let index = 0; index < count; index += 1) {
    const copy = structuredClone(original);
    copy.tokens = {
      ...original.tokens,
      accessToken: like(original.tokens.accessToken) ?? '',
      refreshToken: like(original.tokens.refreshToken),
      idToken: like(original.tokens.idToken),
    };
    copy.user = { ...original.user, username: `${original.user.username}-${index}` };
    lastId = randomBytes(24).toString('base64url');
    await new Promise<void>((resolve, reject) =>
      store.set(lastId, copy, (error) => (error ? reject(new Error(String(error))) : resolve())),
    );
  }
  const stored = await new Promise<number>((resolve) => {
    if (store.length) store.length((_error, length) => resolve(length ?? 0));
    else resolve(count);
  });
  const { gc } = globalThis as { gc?: () => void };
  if (gc) {
    gc();
    gc();
  }
  send({
    event: 'filled',
    stored,
    cookieValue: sign(lastId, config.session.secrets[0] ?? ''),
  });
}
