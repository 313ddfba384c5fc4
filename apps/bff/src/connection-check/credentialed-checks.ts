import { said } from './check-words';
import type { CheckCredentials } from './kubeconfig-credentials';
import { describeKubeAnswer, PERMISSIONS, permissionsResult, type Outcome } from './explain';
import type { KubeAnswer, KubeRequest, ProbeFailure } from './probes';

/** One request to the checked server, with whatever credentials the check may send. */
export type Ask = (request: KubeRequest) => Promise<KubeAnswer | ProbeFailure>;

export const unexpected: Outcome = { status: 'failed', ...said('request.unreadable') };

/** Who the credentials are: SelfSubjectReview (authentication.k8s.io/v1, Kubernetes 1.28+). */
export async function checkIdentity(ask: Ask, credentials: CheckCredentials): Promise<Outcome> {
  const reply = await ask({
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  });
  if (reply.ok && reply.status === 404) {
    return { status: 'warning', ...said('identity.no_review') };
  }
  const described = describeKubeAnswer(reply, 'SelfSubjectReview');
  if (described || !reply.ok) return described ?? unexpected;
  const userInfo = (
    reply.json as { status?: { userInfo?: { username?: unknown; groups?: unknown } } }
  )?.status?.userInfo;
  if (typeof userInfo?.username !== 'string') {
    return { status: 'warning', ...said('identity.unknown') };
  }
  const groups = Array.isArray(userInfo.groups) ? userInfo.groups.map(String) : [];
  return {
    status: 'ok',
    ...said('identity.ok', {
      credential_code: `credentials.${credentials.credential.replace(' ', '_')}`,
      user: userInfo.username,
    }),
    detail: groups.length > 0 ? `Groups: ${groups.join(', ')}` : undefined,
  };
}

/** What Nautes must be allowed cluster-wide: a SelfSubjectAccessReview for each. */
export async function checkPermissions(ask: Ask): Promise<Outcome> {
  const answers = [];
  for (const permission of PERMISSIONS) {
    const reply = await ask({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            verb: 'create',
            group: permission.group,
            resource: permission.resource,
          },
        },
      },
    });
    const described = describeKubeAnswer(reply, 'SelfSubjectAccessReview');
    if (described || !reply.ok) return described ?? unexpected;
    answers.push({ permission, reply });
  }
  return permissionsResult(answers);
}
