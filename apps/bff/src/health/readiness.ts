import { describe } from '../auth/gitlab-oidc.client';

/** Resolves when a dependency answers; rejects saying why not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * A condition the BFF works under without being unready (rate limits counted per instance):
 * undefined when all is well, else what is wrong, in words. Read from memory, never asks anyone.
 */
export type DegradationCheck = () => string | undefined;

export interface Readiness {
  ready: boolean;
  /** Per dependency: `ok`, `unavailable: <why>` or `degraded: <why>`. */
  checks: Record<string, string>;
  /** The names of the failing dependencies. */
  failing: string[];
  degraded: string[];
}

const CHECK_TIMEOUT_MS = 3_000;
/** How long one round of dependency checks answers every /readyz: probes ask every few seconds. */
export const READINESS_CACHE_MS = 2_000;

/**
 * The dependency checks of `/readyz`, run at most once per `cacheMs` whoever asks: callers
 * arriving while a round runs wait for that round, callers within `cacheMs` of its end get its
 * result, failures included (an outage is exactly when a flood of probes must not become a
 * flood on GitLab, the clusters API and Redis). Degradations are read live: they cost nothing.
 */
export function cachedReadiness(
  checks: Record<string, ReadinessCheck>,
  degradations: Record<string, DegradationCheck> = {},
  cacheMs = READINESS_CACHE_MS,
): () => Promise<Readiness> {
  let last: { at: number; status: Record<string, string> } | undefined;
  let running: Promise<Record<string, string>> | undefined;
  const freshRound = () => {
    running ??= runChecks(checks)
      .then((status) => {
        last = { at: Date.now(), status };
        return status;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return async () => {
    const fresh = last !== undefined && Date.now() - last.at < cacheMs;
    const status = { ...(fresh && last ? last.status : await freshRound()) };
    const failing = Object.keys(status).filter((name) => status[name] !== 'ok');
    const degraded: string[] = [];
    for (const [name, check] of Object.entries(degradations)) {
      const problem = check();
      status[name] = problem === undefined ? 'ok' : `degraded: ${problem}`;
      if (problem !== undefined) degraded.push(name);
    }
    return { ready: failing.length === 0, checks: status, failing, degraded };
  };
}

async function runChecks(checks: Record<string, ReadinessCheck>): Promise<Record<string, string>> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => runCheck(checks[name])));
  return Object.fromEntries(names.map((name, index) => [name, results[index] ?? 'ok']));
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
