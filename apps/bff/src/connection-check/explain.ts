import type { CheckStatus } from '@cluster-console/shared';
import type { CheckCredentials } from './kubeconfig-credentials';
import {
  verifiedName,
  type KubeAnswer,
  type ProbeFailure,
  type Target,
  type TlsProbe,
} from './probes';

/** A check's outcome before it is timed. */
export interface Outcome {
  status: CheckStatus;
  message: string;
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
      message:
        probe.code === 'ETIMEDOUT'
          ? 'The server accepted the connection but did not complete a TLS handshake in time: is this port an API server?'
          : 'The TLS handshake failed: is this port an https API server?',
      detail: `${probe.code}: ${probe.message}`,
    };
  }
  const { peer } = probe;
  const detail = `Server certificate: ${peer.subject || '(no common name)'}, issued by ${peer.issuer || '(unknown)'}, valid ${peer.validFrom} to ${peer.validTo}${peer.altNames ? `, for ${peer.altNames}` : ''}.`;
  const authorities = credentials.ca
    ? "the kubeconfig's CA"
    : "the system's CAs (the kubeconfig has no CA)";
  const why = probe.verifyError
    ? reasonOf(probe.verifyError, verifiedName(target, credentials), authorities)
    : undefined;
  if (credentials.skipTlsVerify) {
    return {
      status: 'warning',
      message: `Not verified: the kubeconfig sets insecure-skip-tls-verify, so anyone between the console and the cluster could pose as it${why ? `. Verification would fail: ${why}` : `. Its certificate would verify with ${authorities}; remove insecure-skip-tls-verify`}.`,
      detail,
    };
  }
  if (why) return { status: 'failed', message: why, detail: `${detail} (${probe.verifyError})` };
  return {
    status: 'ok',
    message: `The server's certificate is valid for ${verifiedName(target, credentials)} and verified with ${authorities}.`,
    detail,
  };
}

function reasonOf(code: string, name: string, authorities: string): string {
  if (UNKNOWN_AUTHORITY.has(code)) {
    return `The server's certificate is signed by an unknown authority: it does not verify with ${authorities}. Use the cluster's CA in certificate-authority-data`;
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return "The server's certificate has expired: renew the API server certificate";
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return "The server's certificate is not valid yet: check the clocks of the cluster and the console";
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `The server's certificate is not for ${name} (name mismatch): use a name or address the certificate lists, or set tls-server-name`;
  }
  return `The server's certificate does not verify (${code})`;
}

/** The failures any request may have, in words; undefined when there is a normal answer to read. */
export function describeKubeAnswer(
  reply: KubeAnswer | ProbeFailure,
  what: string,
): Outcome | undefined {
  if (!reply.ok) {
    if (reply.code === 'ETIMEDOUT') {
      return {
        status: 'failed',
        message: `The server did not answer ${what} in time: ${reply.message}.`,
      };
    }
    if (reply.code === 'TOO_LARGE') {
      return {
        status: 'failed',
        message: `The answer to ${what} was too large: ${reply.message}.`,
      };
    }
    return { status: 'failed', message: `${what} failed: ${reply.message}.`, detail: reply.code };
  }
  if (reply.status >= 300 && reply.status < 400) {
    return {
      status: 'failed',
      message: `The server answered ${what} with a redirect${reply.location ? ` to ${reply.location}` : ''}; the console does not follow redirects. Use the API server's own URL.`,
      detail: `HTTP ${reply.status}`,
    };
  }
  if (reply.status === 401) {
    return {
      status: 'failed',
      message: `The server does not accept these credentials (401 Unauthorized): the token or client certificate is wrong, expired or revoked.`,
      detail: `HTTP 401 to ${what}${statusMessage(reply.json)}`,
    };
  }
  if (reply.status === 403 && what !== 'SelfSubjectAccessReview') {
    return {
      status: 'warning',
      message: `The server refused ${what} (403 Forbidden), so this is unknown.`,
      detail: `HTTP 403${statusMessage(reply.json)}`,
    };
  }
  if (reply.status === 403) {
    return {
      status: 'failed',
      message:
        'The user may not even ask what it may do (403 to SelfSubjectAccessReview): Nautes will not be able to install anything.',
      detail: `HTTP 403${statusMessage(reply.json)}`,
    };
  }
  if (reply.status < 200 || reply.status >= 300) {
    return {
      status: 'failed',
      message: `The server answered ${what} with HTTP ${reply.status}.`,
      detail: statusMessage(reply.json).replace(/^: /, '') || undefined,
    };
  }
  return undefined;
}

function statusMessage(json: unknown): string {
  const message = (json as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? `: ${message.slice(0, 300)}` : '';
}

/** What Nautes creates on a runtime cluster, cluster-wide, and what fails without it. */
export const PERMISSIONS = [
  {
    group: '',
    resource: 'namespaces',
    words: 'namespaces',
    fails: 'the namespaces of ArgoCD, Tekton, HNC and the other components',
  },
  {
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterroles',
    words: 'cluster roles',
    fails: "the components' cluster roles (ArgoCD, Tekton, HNC)",
  },
  {
    group: 'apiextensions.k8s.io',
    resource: 'customresourcedefinitions',
    words: 'custom resource definitions',
    fails: "the components' custom resources (ArgoCD Applications, Tekton Pipelines, HNC)",
  },
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
    return {
      status: 'ok',
      message:
        'The user may create namespaces, cluster roles and custom resource definitions cluster-wide, as Nautes needs.',
      detail: asked.join('; '),
    };
  }
  const words = denied.map(({ permission }) => permission.words);
  const fails = denied.map(({ permission }) => permission.fails);
  return {
    status: 'warning',
    message: `The user may not create ${words.join(', ')} cluster-wide: installing ${fails.join('; ')} will fail. Use a user with cluster-admin rights.`,
    detail: asked.join('; '),
  };
}
