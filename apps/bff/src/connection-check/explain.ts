import type { CheckStatus } from '@cluster-console/shared';
import { said, type Said } from './check-words';
import type { CheckCredentials } from './kubeconfig-credentials';
import {
  verifiedName,
  type KubeAnswer,
  type ProbeFailure,
  type Target,
  type TlsProbe,
} from './probes';

/** A check's outcome before it is timed: its status, its words (code, params, message). */
export interface Outcome extends Said {
  status: CheckStatus;
  detail?: string | undefined;
}

const UNKNOWN_AUTHORITY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

/** The TLS check in words: verified (with which CAs), or why not. */
export function explainTls(
  probe: TlsProbe | ProbeFailure,
  credentials: CheckCredentials,
  target: Target,
): Outcome {
  if (!probe.ok) {
    return {
      status: 'failed',
      ...said(probe.code === 'ETIMEDOUT' ? 'tls.timeout' : 'tls.handshake_failed'),
      detail: `${probe.code}: ${probe.message}`,
    };
  }
  const { peer } = probe;
  const detail = `Server certificate: ${peer.subject || '(no common name)'}, issued by ${peer.issuer || '(unknown)'}, valid ${peer.validFrom} to ${peer.validTo}${peer.altNames ? `, for ${peer.altNames}` : ''}.`;
  const name = verifiedName(target, credentials);
  const authorities_code = credentials.ca ? 'authorities.kubeconfig_ca' : 'authorities.system_cas';
  const why_code = probe.verifyError ? reasonOf(probe.verifyError) : undefined;
  const params = { name, authorities_code, why_code, error: probe.verifyError };
  if (credentials.skipTlsVerify) {
    const code = why_code ? 'tls.insecure_would_fail' : 'tls.insecure_would_verify';
    return { status: 'warning', ...said(code, params), detail };
  }
  if (why_code) {
    return {
      status: 'failed',
      ...said('tls.failed', params),
      detail: `${detail} (${probe.verifyError})`,
    };
  }
  return { status: 'ok', ...said('tls.ok', params), detail };
}

/** Why a certificate does not verify, as a key of the check's words (tls_reasons). */
function reasonOf(code: string): string {
  if (UNKNOWN_AUTHORITY.has(code)) return 'tls_reasons.unknown_authority';
  if (code === 'CERT_HAS_EXPIRED') return 'tls_reasons.expired';
  if (code === 'CERT_NOT_YET_VALID') return 'tls_reasons.not_yet_valid';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'tls_reasons.name_mismatch';
  return 'tls_reasons.other';
}

/** The failures any request may have, in words; undefined when there is a normal answer to read. */
export function describeKubeAnswer(
  reply: KubeAnswer | ProbeFailure,
  what: string,
): Outcome | undefined {
  if (!reply.ok) {
    if (reply.code === 'ETIMEDOUT') {
      return { status: 'failed', ...said('request.timeout', { what, error: reply.message }) };
    }
    if (reply.code === 'TOO_LARGE') {
      return { status: 'failed', ...said('request.too_large', { what, error: reply.message }) };
    }
    return {
      status: 'failed',
      ...said('request.failed', { what, error: reply.message }),
      detail: reply.code,
    };
  }
  if (reply.status >= 300 && reply.status < 400) {
    return {
      status: 'failed',
      ...said(reply.location ? 'request.redirect_to' : 'request.redirect', {
        what,
        location: reply.location,
      }),
      detail: `HTTP ${reply.status}`,
    };
  }
  if (reply.status === 401) {
    return {
      status: 'failed',
      ...said('request.unauthorized'),
      detail: `HTTP 401 to ${what}${statusMessage(reply.json)}`,
    };
  }
  if (reply.status === 403 && what !== 'SelfSubjectAccessReview') {
    return {
      status: 'warning',
      ...said('request.forbidden', { what }),
      detail: `HTTP 403${statusMessage(reply.json)}`,
    };
  }
  if (reply.status === 403) {
    return {
      status: 'failed',
      ...said('request.review_forbidden'),
      detail: `HTTP 403${statusMessage(reply.json)}`,
    };
  }
  if (reply.status < 200 || reply.status >= 300) {
    return {
      status: 'failed',
      ...said('request.http_status', { what, status: reply.status }),
      detail: statusMessage(reply.json).replace(/^: /, '') || undefined,
    };
  }
  return undefined;
}

function statusMessage(json: unknown): string {
  const message = (json as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? `: ${message.slice(0, 300)}` : '';
}

/**
 * What Nautes creates on a runtime cluster, cluster-wide (what fails without each is in the
 * check's words: permission_words, permission_fails).
 */
export const PERMISSIONS = [
  { group: '', resource: 'namespaces' },
  { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' },
] as const;

export function permissionsResult(
  answers: { permission: (typeof PERMISSIONS)[number]; reply: KubeAnswer }[],
): Outcome {
  const denied = answers.filter(
    ({ reply }) =>
      (reply.json as { status?: { allowed?: unknown } } | undefined)?.status?.allowed !== true,
  );
  const asked = answers.map(
    ({ permission }) =>
      `create ${permission.resource}: ${denied.some((d) => d.permission === permission) ? 'no' : 'yes'}`,
  );
  if (denied.length === 0) {
    return { status: 'ok', ...said('permissions.ok'), detail: asked.join('; ') };
  }
  const resources = denied.map(({ permission }) => permission.resource).join(',');
  return {
    status: 'warning',
    ...said('permissions.missing', { denied: resources }),
    detail: asked.join('; '),
  };
}
