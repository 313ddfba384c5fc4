import { ErrorReason } from '@cluster-console/shared';
import { Router } from 'express';
import { describe } from '../auth/gitlab-oidc.client';
import { sendError } from '../middleware/errors';

export type ReadinessCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 3_000;

/**
 * `/healthz`: the process answers. `/readyz`: it can do its job, i.e. GitLab's discovery
 * document and the clusters API's /healthz answer (and Redis, when sessions live there).
 */
export function healthRouter(checks: Record<string, ReadinessCheck>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name])));
    const status = Object.fromEntries(names.map((name, index) => [name, results[index] ?? 'ok']));
    const failing = names.filter((name) => status[name] !== 'ok');
    if (failing.length === 0) {
      res.json({ status: 'ready', checks: status });
      return;
    }
    sendError(
      res,
      503,
      ErrorReason.UPSTREAM_UNAVAILABLE,
      `Not ready: ${failing.join(', ')} not reachable.`,
      status,
    );
  });
  return router;
}

async function runCheck(check: ReadinessCheck | undefined): Promise<string> {
  if (!check) return 'ok';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return `unavailable: ${describe(error)}`.slice(0, 200);
  } finally {
    clearTimeout(timer);
  }
}

/** The clusters API answers its /healthz. */
export function httpHealthCheck(url: string): ReadinessCheck {
  return async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
}
