import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../scripts/lib/app-process';
import { findFreePort } from '../../../scripts/lib/free-port';
import { startGitLabStack, type GitLabStack } from './support/gitlab-stack';
import { listenOnFreePort, type ListeningServer } from './support/listening-server';
import { startRedisServer, type RunningRedis } from '../../../scripts/lib/redis-server';
import { signIn } from './support/sign-in';

const hostCluster = JSON.parse(
  readFileSync(new URL('./fixtures/cluster-host.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/**
 * A hop in front of the real clusters API that holds each save for a while before passing it
 * on, so the BFF has a request in flight when it is told to stop.
 */
async function startSlowUpstream(target: string, delayMs: number) {
  const listening: ListeningServer = await listenOnFreePort();
  let saveArrived: () => void = () => undefined;
  const saveReceived = new Promise<void>((resolve) => (saveArrived = resolve));
  listening.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const slow = req.method === 'POST';
      if (slow) saveArrived();
      setTimeout(
        () => {
          const upstream = http.request(
            new URL(req.url ?? '/', target),
            { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
            (upstreamRes) => {
              res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
              upstreamRes.pipe(res);
            },
          );
          upstream.on('error', () => res.writeHead(599).end());
          upstream.end(Buffer.concat(chunks));
        },
        slow ? delayMs : 0,
      );
    });
  });
  return { url: listening.url, saveReceived, close: () => listening.close() };
}

describe('bff graceful stop', () => {
  let stack: GitLabStack;
  let redis: RunningRedis;
  let slow: Awaited<ReturnType<typeof startSlowUpstream>>;
  let bff: RunningApp;
  let bffUrl: string;

  beforeAll(async () => {
    const port = await findFreePort();
    bffUrl = `http://127.0.0.1:${port}`;
    redis = await startRedisServer();
    stack = await startGitLabStack({ redirectUris: [`${bffUrl}/auth/callback`] });
    // Long enough for the readiness and liveness checks below to run while the save is held,
    // on a loaded machine too.
    slow = await startSlowUpstream(stack.clustersApiUrl, 5_000);
    bff = await startApp('bff', {
      env: {
        PORT: String(port),
        PUBLIC_URL: bffUrl,
        GITLAB_URL: stack.gitlabUrl,
        CLUSTERS_API_URL: slow.url,
        REDIS_URL: redis.url,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
      },
    });
  });

  afterAll(async () => {
    await bff?.stop();
    await slow?.close();
    await stack?.stop();
    await redis?.stop();
  });

  it('when SIGTERM arrives during a save, then /readyz says not ready at once, the save is answered, Redis is closed and the process exits 0', async () => {
    const { browser } = await signIn(bffUrl, { username: 'maintainer', password: 'maintainer' });
    expect((await fetch(`${bffUrl}/readyz`)).status).toBe(200);

    const save = browser.api(`${bffUrl}/api/v1/clusters/cluster-host?insecure_skip_check=true`, {
      method: 'POST',
      json: hostCluster,
    });
    await slow.saveReceived;
    const exited = new Promise<number | null>((resolve) =>
      bff.child.once('exit', (code) => resolve(code)),
    );
    const signalled = Date.now();
    bff.child.kill('SIGTERM');
    // Until the process has handled the signal (at once, unless the machine is loaded). On the
    // signal it closes idle keep-alive sockets: a request sent on one just then is reset, and
    // is sent again on a new connection, as a browser would.
    const askReadiness = () => fetch(`${bffUrl}/readyz`).catch(() => undefined);
    let readiness = await askReadiness();
    while ((readiness?.status ?? 200) === 200 && Date.now() - signalled < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      readiness = await askReadiness();
    }
    if (!readiness) throw new Error('/readyz did not answer after SIGTERM');
    expect(readiness.status).toBe(503);
    expect(readiness.headers.get('connection')).toBe('close');
    expect(await readiness.json()).toMatchObject({ code: 503, metadata: { bff: 'stopping' } });
    // Liveness is not readiness: the process is still alive while it drains.
    expect((await fetch(`${bffUrl}/healthz`)).status).toBe(200);

    const answer = await save;
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ message: 'Successfully saved cluster-host cluster' });

    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(30_000);
    expect(bff.logs()).toMatch(/"event":"stopped","sessionStore":"redis"/);
    await expect(fetch(`${bffUrl}/healthz`)).rejects.toThrow();
  });
});
