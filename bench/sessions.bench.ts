/**
 * `sessions`: the BFF's memory with 10,000 signed-in sessions in its memory store. The BFF
 * (its real config, services and app, in its own process: sessions/bff-with-sessions.ts)
 * gets one real sign-in through the local GitLab, then 10,000 copies of that session with
 * their own ids and tokens; one copy is then used to prove they are live sessions.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, repoRoot } from '../scripts/lib/app-process';
import { findFreePort } from '../scripts/lib/free-port';
import { atMost, type Benchmark } from './lib/benchmark';
import { createHttpClient, expectStatus } from './lib/http-client';
import { rssMbOf } from './lib/machine';
import { signInAs } from './lib/sign-in';
import { round } from './lib/stats';
import type { ChildMessage, FillRequest } from './sessions/bff-with-sessions';

const SESSIONS = 10_000;
const childScript = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'sessions',
  'bff-with-sessions.ts',
);

export const sessionsBenchmark: Benchmark = {
  name: 'sessions',
  description: `BFF resident memory with ${SESSIONS.toLocaleString('en')} signed-in sessions in the memory store (after a GC)`,
  budgets: [atMost('rss_mb_at_10000_sessions', 200)],
  run: async (log) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-bench-sessions-'));
    const port = await findFreePort();
    const bffUrl = `http://127.0.0.1:${port}`;
    // Not the local GitLab's development secret: the BFF refuses it with NODE_ENV=production.
    const clientSecret = randomBytes(24).toString('base64url');
    const gitlab = await startApp('local-gitlab', {
      env: {
        DATA_DIR: path.join(dataDir, 'local-gitlab'),
        CONSOLE_REDIRECT_URIS: `${bffUrl}/auth/callback`,
        CONSOLE_CLIENT_SECRET: clientSecret,
      },
    });
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', childScript], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        PUBLIC_URL: bffUrl,
        GITLAB_URL: gitlab.url,
        // Never called: the benchmark does not list clusters.
        CLUSTERS_API_URL: 'http://127.0.0.1:9',
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        GITLAB_CLIENT_SECRET: clientSecret,
        SESSION_MAX_COUNT: String(SESSIONS + 10),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const next = () =>
      new Promise<ChildMessage>((resolve, reject) => {
        child.once('message', (message: ChildMessage) =>
          message.event === 'error' ? reject(new Error(message.message)) : resolve(message),
        );
        child.once('exit', (code) => reject(new Error(`BFF exited (${code})`)));
      });
    const http = createHttpClient();
    try {
      await next(); // listening
      const pid = child.pid ?? 0;
      const session = await signInAs(bffUrl);
      log(`  one signed-in session: rss ${rssMbOf(pid).toFixed(1)} MiB`);
      const request: FillRequest = { count: SESSIONS, cookieValue: session.value };
      child.send(request);
      const filled = await next();
      if (filled.event !== 'filled') throw new Error('unexpected answer from the BFF');
      if (filled.stored < SESSIONS) throw new Error(`only ${filled.stored} sessions stored`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rss = rssMbOf(pid);
      const check = await http.request(`${bffUrl}/auth/session`, {
        headers: { cookie: `${session.name}=${filled.cookieValue}` },
      });
      expectStatus(check, 200, 'a copied session');
      log(
        `  ${filled.stored} sessions stored: rss ${rss.toFixed(1)} MiB; a copy answers /auth/session`,
      );
      return { rss_mb_at_10000_sessions: round(rss) };
    } finally {
      http.close();
      child.kill('SIGTERM');
      await gitlab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
