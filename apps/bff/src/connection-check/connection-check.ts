import { isIP } from 'node:net';
import { resolveTarget, type AddressPolicy, type Resolver } from './address-policy';
import {
  CHECK_IDS,
  type CheckId,
  type CheckResult,
  type CheckText,
  type ConnectionCheckResponse,
} from '@cluster-console/shared';
import { said, type Said } from './check-words';
import { credentialDestination, destinationNote, type Destination } from './credential-destination';
import { findMaterialProblem } from './credential-material';
import {
  readCredentials,
  withoutCredentials,
  type CheckCredentials,
} from './kubeconfig-credentials';
import { ApiServerUrlError, parseApiServer } from './api-server-url';
import { checkIdentity, checkPermissions, unexpected } from './credentialed-checks';
import { describeKubeAnswer, explainTls, type Outcome } from './explain';
import {
  kubeRequest,
  secondsNumber,
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
  const notes: Said[] = [];
  const answer = (address: string | null): ConnectionCheckResponse => ({
    api_server: apiServer,
    address,
    checks,
    notes: notes.map((note) => note.message),
    note_texts: notes.map(({ code, params }): CheckText => ({ code, params })),
    server_mismatch: destination?.mismatch ?? null,
    duration_ms: Date.now() - started,
  });
  const timed = async (id: CheckId, run: () => Promise<Outcome>) => {
    const at = Date.now();
    const { status, code, params, message, detail } = await run();
    const check: CheckResult = { id, status, message, code, params, duration_ms: 0 };
    if (detail !== undefined) check.detail = detail;
    check.duration_ms = Date.now() - at;
    checks.push(check);
    return check;
  };
  const skipRest = ({ code, params, message }: Said) => {
    for (const id of CHECK_IDS) {
      if (!checks.some((check) => check.id === id)) {
        checks.push({ id, status: 'skipped', message, code, params, duration_ms: 0 });
      }
    }
  };

  let destination: Destination | undefined = undefined;
  const read = await readCredentials(kubeconfig, apiServer);
  if (!read.ok) {
    skipRest(read.error);
    return answer(null);
  }
  deadline = Date.now() + settings.timeoutMs;
  notes.push(...read.credentials.notes);
  const material = findMaterialProblem(read.credentials);
  destination = credentialDestination(read.credentials.ownServer, url, confirmedFor);
  if (destination.mismatch) notes.push(destinationNote(destination.words));
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
      return { status: 'failed', ...resolution.words };
    }
    target = { hostname, port, address: resolution.address, family: resolution.family };
    const tcp = await tcpConnect(target, stepTimeout());
    const where = isIP(hostname)
      ? { where_code: 'where.address', host: hostname, port }
      : { where_code: 'where.name', host: hostname, address: resolution.address, port };
    if (!tcp.ok) {
      const failure =
        tcp.code === 'ECONNREFUSED'
          ? said('reachable.refused', where)
          : tcp.code === 'ETIMEDOUT'
            ? said('reachable.timeout', { ...where, seconds: secondsNumber(stepTimeout()) })
            : said('reachable.failed', { ...where, error: tcp.code });
      return { status: 'failed', ...failure, detail: tcp.message };
    }
    return { status: 'ok', ...said('reachable.ok', where) };
  });
  if (reachable.status !== 'ok' || !target) {
    skipRest(said('skipped.unreachable'));
    return answer(target?.address ?? null);
  }

  const isHttps = url.protocol === 'https:';
  let verify = true;
  const tlsCheck = await timed('tls', async () => {
    if (!isHttps) {
      verify = false;
      return { status: 'warning', ...said('tls.plain_http') };
    }
    if (material?.part === 'ca') return { status: 'failed', ...material };
    const probe = await tlsHandshake(target as Target, credentials, stepTimeout());
    const result = explainTls(probe, credentials, target as Target);
    if (credentials.skipTlsVerify) verify = false;
    return result;
  });
  if (tlsCheck.status === 'failed') {
    skipRest(said('skipped.tls_failed'));
    return answer(target.address);
  }

  if (!isHttps) {
    skipRest(said('skipped.https_only'));
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
        ...said('version.ok', { version: gitVersion }),
        detail: `GET /version: ${gitVersion}`,
      };
    }
    return { status: 'failed', ...said('version.not_kubernetes'), detail: `HTTP ${reply.status}` };
  });
  if (version.status === 'failed' && !/401|403/.test(version.detail ?? '')) {
    skipRest(said('skipped.not_kubernetes'));
    return answer(target.address);
  }

  if (material?.part === 'credentials') {
    await timed('identity', () => Promise.resolve({ status: 'failed', ...material }));
    skipRest(said('skipped.credentials_unusable'));
    return answer(target.address);
  }
  if (!destination.send) {
    skipRest(said('skipped.credentials_elsewhere', destination.words));
    return answer(target.address);
  }
  if (
    credentials.credential === 'none' &&
    credentials.notes.some(
      (note) => note.code === 'notes.exec' || note.code === 'notes.auth_provider',
    )
  ) {
    skipRest(said('skipped.credentials_from_program'));
    return answer(target.address);
  }

  await timed('identity', () => checkIdentity(ask, credentials));
  await timed('permissions', () => checkPermissions(ask));
  return answer(target.address);
}

export type { CheckCredentials };
export { ApiServerUrlError, parseApiServer };
