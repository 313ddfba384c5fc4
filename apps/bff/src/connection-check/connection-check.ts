import { isIP } from 'node:net';
import { resolveTarget, type AddressPolicy, type Resolver } from './address-policy';
import type {
  CheckId,
  CheckResult,
  CheckStatus,
  ConnectionCheckResponse,
} from '@cluster-console/shared';
import { asSentence, credentialDestination, type Destination } from './credential-destination';
import { findMaterialProblem } from './credential-material';
import {
  readCredentials,
  withoutCredentials,
  type CheckCredentials,
} from './kubeconfig-credentials';
import { ApiServerUrlError, parseApiServer } from './api-server-url';
import { checkIdentity, checkPermissions } from './credentialed-checks';
import { describeKubeAnswer, explainTls } from './explain';
import {
  kubeRequest,
  seconds,
  tcpConnect,
  tlsHandshake,
  type KubeRequest,
  type Target,
} from './probes';

export interface ConnectionCheckSettings {
  policy: AddressPolicy;
  resolver: Resolver;
  /** `CONNECTION_CHECK_ALLOW_HTTP`: plain http API servers may be checked. */
  allowHttp: boolean;
  /** The whole check's time limit. */
  timeoutMs: number;
  /** Each connection's and each request's time limit (within the whole). */
  stepTimeoutMs: number;
  /** The most read from any one answer. */
  maxResponseBytes: number;
}

const unexpected = {
  status: 'failed',
  message: 'The server answered in a way the console cannot read.',
} as const;

/**
 * Runs the checks in order, each timed; a check that cannot run because an earlier one failed is
 * `skipped` with the reason. Nothing here throws for what the server does: every outcome is a
 * result in words. The kubeconfig and credentials are never logged or returned.
 */
export async function runConnectionCheck(
  settings: ConnectionCheckSettings,
  url: URL,
  kubeconfig: string,
  /** `confirm_credentials_for`: the user confirmed this host:port for this check. */
  confirmedFor?: string,
): Promise<ConnectionCheckResponse> {
  const started = Date.now();
  // The time limit is for the network: it starts once the kubeconfig is read (the first check
  // loads @kubernetes/client-node, which on a busy machine takes seconds of its own).
  let deadline = started + settings.timeoutMs;
  const stepTimeout = () => Math.max(1, Math.min(settings.stepTimeoutMs, deadline - Date.now()));
  const apiServer = url.href.replace(/\/$/, '');
  const checks: CheckResult[] = [];
  const notes: string[] = [];
  const answer = (address: string | null): ConnectionCheckResponse => ({
    api_server: apiServer,
    address,
    checks,
    notes,
    server_mismatch: destination?.mismatch ?? null,
    duration_ms: Date.now() - started,
  });
  const timed = async (
    id: CheckId,
    run: () => Promise<{ status: CheckStatus; message: string; detail?: string }>,
  ) => {
    const at = Date.now();
    const result = await run();
    const check: CheckResult = { id, ...result, duration_ms: Date.now() - at };
    checks.push(check);
    return check;
  };
  const skipRest = (message: string) => {
    for (const id of ['reachable', 'tls', 'version', 'identity', 'permissions'] as const) {
      if (!checks.some((check) => check.id === id)) {
        checks.push({ id, status: 'skipped', message, duration_ms: 0 });
      }
    }
  };

  let destination: Destination | undefined = undefined;
  const read = await readCredentials(kubeconfig, apiServer);
  if (!read.ok) {
    skipRest(`Skipped: ${read.error}`);
    return answer(null);
  }
  deadline = Date.now() + settings.timeoutMs;
  notes.push(...read.credentials.notes);
  const material = findMaterialProblem(read.credentials);
  destination = credentialDestination(read.credentials.ownServer, url, confirmedFor);
  if (destination.mismatch) notes.push(asSentence(destination.words));
  // Unusable credentials, or credentials for another server, are not sent at all: the checks
  // that need none (reachable, TLS, /version) still run.
  const credentials =
    material?.part === 'credentials' || !destination.send
      ? withoutCredentials(read.credentials)
      : read.credentials;

  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let target: Target | undefined;
  const reachable = await timed('reachable', async () => {
    const resolution = await resolveTarget(
      settings.policy,
      settings.resolver,
      hostname,
      port,
      stepTimeout(),
    );
    if (!resolution.ok) {
      // Never the addresses a name resolved to: see resolveTarget.
      return { status: 'failed', message: resolution.reason };
    }
    target = { hostname, port, address: resolution.address, family: resolution.family };
    const tcp = await tcpConnect(target, stepTimeout());
    const where = isIP(hostname)
      ? `${hostname}:${port}`
      : `${hostname} (${resolution.address}) port ${port}`;
    if (!tcp.ok) {
      return {
        status: 'failed',
        message:
          tcp.code === 'ECONNREFUSED'
            ? `Nothing accepts connections at ${where}: check the address and port.`
            : tcp.code === 'ETIMEDOUT'
              ? `${where} did not answer within ${seconds(stepTimeout())}: a firewall may drop the traffic, or the address is wrong.`
              : `Could not connect to ${where} (${tcp.code}).`,
        detail: tcp.message,
      };
    }
    return { status: 'ok', message: `${where} accepts connections.` };
  });
  if (reachable.status !== 'ok' || !target) {
    skipRest('Skipped: the server is not reachable.');
    return answer(target?.address ?? null);
  }

  const isHttps = url.protocol === 'https:';
  let verify = true;
  const tlsCheck = await timed('tls', async () => {
    if (!isHttps) {
      verify = false;
      return {
        status: 'warning',
        message:
          'Plain http: nothing is encrypted or verified (allowed by CONNECTION_CHECK_ALLOW_HTTP).',
      };
    }
    if (material?.part === 'ca') return { status: 'failed', message: material.message };
    const probe = await tlsHandshake(target as Target, credentials, stepTimeout());
    const result = explainTls(probe, credentials, target as Target);
    if (credentials.skipTlsVerify) verify = false;
    return result;
  });
  if (tlsCheck.status === 'failed') {
    skipRest('Skipped: TLS did not verify, so the console sent no credentials to this server.');
    return answer(target.address);
  }

  if (!isHttps) {
    skipRest('Skipped: the console speaks to Kubernetes over https only.');
    return answer(target.address);
  }
  const ask = (request: KubeRequest) =>
    kubeRequest(target as Target, credentials, request, {
      timeoutMs: stepTimeout(),
      maxBytes: settings.maxResponseBytes,
      verify,
    });

  const version = await timed('version', async () => {
    const reply = await ask({ method: 'GET', path: '/version' });
    const described = describeKubeAnswer(reply, 'GET /version');
    if (described || !reply.ok) return described ?? unexpected;
    const gitVersion = (reply.json as { gitVersion?: unknown } | undefined)?.gitVersion;
    if (reply.status === 200 && typeof gitVersion === 'string') {
      return {
        status: 'ok',
        message: `Kubernetes ${gitVersion} answers.`,
        detail: `GET /version: ${gitVersion}`,
      };
    }
    return {
      status: 'failed',
      message:
        'The server answered GET /version, but not as a Kubernetes API server does: check the URL.',
      detail: `HTTP ${reply.status}`,
    };
  });
  if (version.status === 'failed' && !/401|403/.test(version.detail ?? '')) {
    skipRest('Skipped: the server did not answer as a Kubernetes API server.');
    return answer(target.address);
  }

  if (material?.part === 'credentials') {
    await timed('identity', () => Promise.resolve({ status: 'failed', message: material.message }));
    skipRest("Skipped: the kubeconfig's credentials cannot be used, so none were sent.");
    return answer(target.address);
  }
  if (!destination.send) {
    skipRest(`Skipped: ${destination.words}`);
    return answer(target.address);
  }
  if (
    credentials.credential === 'none' &&
    credentials.notes.some((note) => /was not run/.test(note))
  ) {
    skipRest(
      'Skipped: the kubeconfig gets its credentials from a program (exec plugin or auth provider), which the console never runs.',
    );
    return answer(target.address);
  }

  await timed('identity', () => checkIdentity(ask, credentials));
  await timed('permissions', () => checkPermissions(ask));
  return answer(target.address);
}

export type { CheckCredentials };
export { ApiServerUrlError, parseApiServer };
