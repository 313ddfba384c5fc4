/**
 * Dependencies going away and coming back, with real processes on fixed ports: GitLab
 * unreachable (stopped, or silent) makes the clusters API answer 503 UPSTREAM_UNAVAILABLE
 * within 5 s; the clusters API unreachable makes the BFF answer 502 within 5 s; both recover
 * by themselves once the dependency is back on its port, without a restart.
 */
import net from 'node:net';
import { ApiErrorBodySchema } from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpBrowser, HttpResult } from '../support/http-browser';
import { rawRequest, type RawResponse } from '../support/raw-request';
import { signIn } from '../support/sign-in';
import { startHardeningStack, type HardeningStack } from './support/hardening-stack';
import { markedHostBody } from './support/kubeconfigs';
import { SecretLeakScan } from './support/secret-leaks';

const WITHIN_MS = 5_000;
let stack: HardeningStack;
let maintainer: HttpBrowser;
/** Signed in, but never used at the clusters API before GitLab goes silent. */
let developer: HttpBrowser;
const scan = new SecretLeakScan();
let saves = 0;

function expectError(response: HttpResult | RawResponse, code: number, reason: string): void {
  expect({ status: response.status, body: response.body.slice(0, 300) }).toMatchObject({
    status: code,
  });
  expect(ApiErrorBodySchema.parse(JSON.parse(response.body))).toMatchObject({ code, reason });
}

/** How long a call takes, with its answer. */
async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; answer: T }> {
  const started = Date.now();
  const answer = await call();
  return { ms: Date.now() - started, answer };
}

async function direct(method: string, path: string, token: string, body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const response = await rawRequest(stack.clustersApiUrl, method, path, headers, payload);
  scan.record(`${method} ${path} (clusters API)`, response);
  return response;
}

function saveThroughBff(): Promise<HttpResult> {
  saves += 1;
  const { body, secrets } = markedHostBody(`down-${saves}`);
  scan.addKubeconfig(secrets.kubeconfig, secrets.secrets);
  return maintainer.api(`${stack.bff.url}/api/v1/clusters/down-${saves}`, {
    method: 'POST',
    json: body,
  });
}

/** Retries `call` until it answers `status`; returns how long that took. */
async function until(status: number, call: () => Promise<{ status: number }>, limitMs: number) {
  const started = Date.now();
  let last = await call();
  while (last.status !== status && Date.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await call();
  }
  expect(last.status).toBe(status);
  return Date.now() - started;
}

/** A server on `port` that accepts connections and never answers: a hung dependency. */
async function silentServer(port: number): Promise<() => Promise<void>> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

beforeAll(async () => {
  stack = await startHardeningStack({ spareBffs: 1 });
  maintainer = (await signIn(stack.bff.url, { username: 'maintainer', password: 'maintainer' }))
    .browser;
  developer = (await signIn(stack.bff.url, { username: 'developer', password: 'developer' }))
    .browser;
  for (const browser of [maintainer, developer]) {
    scan.watch(browser);
    await scan.addSessionTokens(stack.bff.services.store, browser);
  }
  expect((await saveThroughBff()).status).toBe(200);
});

afterAll(async () => {
  await stack?.close();
});

describe('GitLab unreachable', { timeout: 60_000 }, () => {
  it('when GitLab hangs just after a save, then the next save (permission still known) is 503 within 5 s', async () => {
    expect((await saveThroughBff()).status).toBe(200);
    // The permission answer from this save is reused, so the next save goes straight to the
    // push, which the hung GitLab never answers.
    await stack.stopGitLab();
    const stopSilent = await silentServer(Number(new URL(stack.gitlabUrl).port));
    try {
      const viaBff = await timed(() => saveThroughBff());
      expectError(viaBff.answer, 503, 'UPSTREAM_UNAVAILABLE');
      expect(viaBff.ms).toBeLessThan(WITHIN_MS);
      // The API's log line travels through its own pipe, apart from the HTTP answer.
      await expect.poll(() => stack.logs()).toContain('tenant repository unreachable during push');
    } finally {
      await stopSilent();
    }
  });

  it('when GitLab is stopped, then the clusters API answers 503 UPSTREAM_UNAVAILABLE within 5 s, directly and through the BFF', async () => {
    await stack.stopGitLab();
    const read = await timed(() => direct('GET', '/api/v1/clusters', 'glpat-local-developer'));
    expectError(read.answer, 503, 'UPSTREAM_UNAVAILABLE');
    expect(read.ms).toBeLessThan(WITHIN_MS);
    const write = await timed(() =>
      direct(
        'POST',
        '/api/v1/clusters/while-down',
        'glpat-local-maintainer',
        markedHostBody('x').body,
      ),
    );
    expectError(write.answer, 503, 'UPSTREAM_UNAVAILABLE');
    expect(write.ms).toBeLessThan(WITHIN_MS);
    const viaBff = await timed(() => saveThroughBff());
    expectError(viaBff.answer, 503, 'UPSTREAM_UNAVAILABLE');
    expect(viaBff.ms).toBeLessThan(WITHIN_MS);
    const ready = await timed(() => maintainer.request(`${stack.bff.url}/readyz`));
    expect(ready.answer.status).toBe(503);
    expect(ready.ms).toBeLessThan(WITHIN_MS);
  });

  it('when GitLab accepts connections but never answers, then still 503 within 5 s', async () => {
    // Tokens GitLab has not been asked about yet (answers are reused for 5 s): the ask hangs.
    const port = Number(new URL(stack.gitlabUrl).port);
    const stopSilent = await silentServer(port);
    try {
      // Each waits for GitLab's timeout (3 s): asked at once.
      const [read, write, viaBff] = await Promise.all([
        timed(() => direct('GET', '/api/v1/clusters', 'glpat-local-outsider')),
        timed(() => direct('DELETE', '/api/v1/clusters/down-1', 'glpat-local-developer')),
        timed(() => developer.api(`${stack.bff.url}/api/v1/clusters/down-1`, { method: 'DELETE' })),
      ]);
      for (const { ms, answer } of [read, write, viaBff]) {
        expectError(answer, 503, 'UPSTREAM_UNAVAILABLE');
        expect(ms).toBeLessThan(WITHIN_MS);
      }
    } finally {
      await stopSilent();
    }
  });

  it('when GitLab is back on its port, then reads and saves work again without restarting anything', async () => {
    await stack.startGitLab();
    await until(200, () => direct('GET', '/api/v1/clusters', 'glpat-local-developer'), 10_000);
    await until(200, () => saveThroughBff(), 10_000);
    const list = await maintainer.api(`${stack.bff.url}/api/v1/clusters`);
    expect(list.status).toBe(200);
    expect(list.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toContain(
      `down-${saves}`,
    );
    await until(200, () => maintainer.request(`${stack.bff.url}/readyz`), 10_000);
  });
});

describe('clusters API unreachable', { timeout: 60_000 }, () => {
  it('when the clusters API is stopped, then the BFF answers 502 UPSTREAM_UNAVAILABLE within 5 s', async () => {
    await stack.stopClustersApi();
    for (const call of [
      () => maintainer.api(`${stack.bff.url}/api/v1/clusters`),
      () => maintainer.api(`${stack.bff.url}/api/v1/clusters/down-1`),
      () => saveThroughBff(),
      () => maintainer.api(`${stack.bff.url}/api/v1/clusters/down-1`, { method: 'DELETE' }),
    ]) {
      const { ms, answer } = await timed(call);
      expectError(answer, 502, 'UPSTREAM_UNAVAILABLE');
      expect(ms).toBeLessThan(WITHIN_MS);
    }
    // The session is not the problem: it is kept.
    expect((await maintainer.api(`${stack.bff.url}/auth/session`)).status).toBe(200);
  });

  it('when the clusters API hangs, then a BFF with a short upstream timeout answers 502 within 5 s', async () => {
    const port = Number(new URL(stack.clustersApiUrl).port);
    const stopSilent = await silentServer(port);
    try {
      const impatient = await stack.startSpareBff({ UPSTREAM_TIMEOUT: '2' });
      const browser = (
        await signIn(impatient.url, { username: 'developer', password: 'developer' })
      ).browser;
      scan.watch(browser);
      const { ms, answer } = await timed(() => browser.api(`${impatient.url}/api/v1/clusters`));
      expectError(answer, 502, 'UPSTREAM_UNAVAILABLE');
      expect(ms).toBeLessThan(WITHIN_MS);
    } finally {
      await stopSilent();
    }
  });

  it('when the clusters API is back on its port, then the BFF forwards again by itself', async () => {
    await stack.startClustersApi();
    await until(200, () => maintainer.api(`${stack.bff.url}/api/v1/clusters`), 10_000);
    await until(200, () => saveThroughBff(), 10_000);
  });
});

describe('secrets stay secret', () => {
  it('when every answer and every log line of this file is searched, then no token and no part of a kubeconfig appears', async () => {
    await scan.addSessionTokens(stack.bff.services.store, maintainer);
    expect(scan.findLeaks(stack.logs())).toEqual([]);
  });
});
