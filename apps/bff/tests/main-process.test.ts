import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../scripts/lib/app-process';
import { findFreePort } from '../../../scripts/lib/free-port';
import { LOG_FLUSH_INTERVAL_MS } from '../src/logger';

/** src/main.ts as `npm start` runs it: a child process that announces its URL and stops cleanly. */
describe('bff main process', () => {
  let app: RunningApp | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('when started with GitLab and the clusters API down, then it listens, answers /healthz and stops on SIGTERM', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    app = await startApp('bff', {
      env: { GITLAB_URL: closed, CLUSTERS_API_URL: closed, SESSION_SECRET: '' },
    });
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    // Without PUBLIC_URL and on port 0, the console's origin is the actual listening URL.
    const login = await fetch(`${app.url}/auth/login`, { redirect: 'manual' });
    expect(login.headers.get('location')).toBe(
      '/sign-in?error=temporarily_unavailable&returnTo=%2F',
    );
    expect(app.logs()).toContain('SESSION_SECRET is not set');

    const exited = new Promise<number | null>((resolve) =>
      app?.child.once('exit', (code) => resolve(code)),
    );
    const started = Date.now();
    await app.stop();
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('when requests are answered, then their log lines reach stdout within the flush interval, and lines still buffered at SIGTERM are written before the process exits', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    const running = await startApp('bff', {
      env: { GITLAB_URL: closed, CLUSTERS_API_URL: closed, SESSION_SECRET: 'x'.repeat(32) },
    });
    app = running;
    const askWithId = async (id: string) => {
      const answer = await fetch(`${running.url}/healthz`, { headers: { 'x-request-id': id } });
      expect(answer.status).toBe(200);
    };
    const loggedIds = () =>
      running
        .logs()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { reqId?: string }).reqId);

    // One quiet request: far from filling the buffer, so only the periodic flush writes it.
    await askWithId('quiet-request-1');
    const deadline = Date.now() + LOG_FLUSH_INTERVAL_MS + 1_500;
    while (!loggedIds().includes('quiet-request-1') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(loggedIds()).toContain('quiet-request-1');

    // Lines logged just before SIGTERM, then the stop's own lines right before exit.
    const ids = Array.from({ length: 5 }, (_, index) => `before-stop-${index}`);
    for (const id of ids) await askWithId(id);
    await running.stop();
    expect(loggedIds()).toEqual(expect.arrayContaining(ids));
    expect(running.logs()).toMatch(/"event":"stopped"/);
  });

  it('when the configuration is wrong, then it refuses to start and says which variable', async () => {
    await expect(
      startApp('bff', { env: { GITLAB_URL: 'gitlab.local' }, timeoutMs: 45_000 }),
    ).rejects.toThrow(/GITLAB_URL must be an http\(s\) URL/);
  }, 60_000);

  it('when Redis is configured but unreachable, then it refuses to start with a clear message', async () => {
    const port = await findFreePort();
    await expect(
      startApp('bff', {
        env: { REDIS_URL: `redis://127.0.0.1:${port}`, SESSION_SECRET: 'x'.repeat(32) },
        timeoutMs: 45_000,
      }),
    ).rejects.toThrow(
      new RegExp(`Redis at 127\\.0\\.0\\.1:${port} \\(REDIS_URL\\) is not reachable`),
    );
  }, 60_000);
});
