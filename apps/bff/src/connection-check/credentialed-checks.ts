import type { CheckCredentials } from './kubeconfig-credentials';
import { describeKubeAnswer, PERMISSIONS, permissionsResult, type Outcome } from './explain';
import type { KubeAnswer, KubeRequest, ProbeFailure } from './probes';

/** One request to the checked server, with whatever credentials the check may send. */
export type Ask = (request: KubeRequest) => Promise<KubeAnswer | ProbeFailure>;

const unexpected: Outcome = {
  status: 'failed',
  message: 'The server answered in a way the console cannot read.',
};

/** Who the credentials are: SelfSubjectReview (authentication.k8s.io/v1, Kubernetes 1.28+). */
export async function checkIdentity(ask: Ask, credentials: CheckCredentials): Promise<Outcome> {
  const reply = await ask({
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  });
  if (reply.ok && reply.status === 404) {
    return {
      status: 'warning',
      message:
        'Who the credentials are is unknown: this server is older than Kubernetes 1.28 and has no SelfSubjectReview.',
    };
  }
  const described = describeKubeAnswer(reply, 'SelfSubjectReview');
  if (described || !reply.ok) return described ?? unexpected;
  const userInfo = (
    reply.json as { status?: { userInfo?: { username?: unknown; groups?: unknown } } }
  )?.status?.userInfo;
  if (typeof userInfo?.username !== 'string') {
    return {
      status: 'warning',
      message: 'Who the credentials are is unknown: the server did not say.',
    };
  }
  const groups = Array.isArray(userInfo.groups) ? userInfo.groups.map(String) : [];
  return {
    status: 'ok',
    message: `The credentials (${credentials.credential}) are the user ${userInfo.username}.`,
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
