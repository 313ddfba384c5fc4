import { ConfigError, type Config } from './config';

/** The client secret the local GitLab stand-in (apps/local-gitlab) knows by default. */
export const LOCAL_GITLAB_DEV_CLIENT_SECRET = 'cluster-console-local-secret';

const MIN_SESSION_SECRET_BYTES = 32;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Refuses to start in production with any problem: one line per setting. */
export function assertProductionReady(config: Config): void {
  const problems = productionProblems(config);
  if (problems.length === 0) return;
  throw new ConfigError(
    `bff: refusing to start with NODE_ENV=production\n${problems.map((line) => `  ${line}`).join('\n')}`,
  );
}

/**
 * Settings that are fine on a laptop and insecure in production, one line each naming the
 * setting (empty when there is nothing to refuse). Applied only with NODE_ENV=production, after
 * config.ts has validated each value on its own; main.ts refuses to start on any.
 */
export function productionProblems(config: Config): string[] {
  if (!config.production) return [];
  const problems: string[] = [];
  if (config.gitlab.clientSecret === LOCAL_GITLAB_DEV_CLIENT_SECRET) {
    problems.push(
      "GITLAB_CLIENT_SECRET: is the local GitLab's development secret; set the secret of the GitLab application you created",
    );
  }
  if (config.session.secretGenerated) {
    problems.push(
      `SESSION_SECRET: required in production (at least ${MIN_SESSION_SECRET_BYTES} random bytes, the same on every replica)`,
    );
  }
  // A SESSION_SECRET under 32 characters is refused by config.ts in every environment.
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      problems.push(
        `PUBLIC_URL: ${config.publicUrl} is http:// on a non-loopback host; serve the console over https://`,
      );
    }
    // The BFF only speaks HTTP: an https:// public URL means a TLS-terminating proxy in front,
    // whose X-Forwarded-* headers Express must trust (secure cookies, client addresses).
    if (url.protocol === 'https:' && config.trustProxy === undefined) {
      problems.push(
        'TRUST_PROXY: must be set when PUBLIC_URL is https:// (the hops or addresses of the proxy that terminates TLS, e.g. 1)',
      );
    }
  }
  return problems;
}
