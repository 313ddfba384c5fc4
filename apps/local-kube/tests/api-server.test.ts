import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalKube, type LocalKube } from '../src';

/** The stand-in's answers over HTTPS: kinds, status codes and `Status` bodies of kube-apiserver. */
let kube: LocalKube;
let redirecting: LocalKube;

beforeAll(async () => {
  kube = await startLocalKube();
  redirecting = await startLocalKube({ redirectTo: 'https://169.254.169.254/latest/meta-data/' });
});

afterAll(async () => {
  await kube?.close();
  await redirecting?.close();
});

interface Call {
  method?: string;
  path: string;
  token?: string;
  user?: string;
  body?: unknown;
  target?: LocalKube;
}

function call(
  options: Call,
): Promise<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }> {
  const target = options.target ?? kube;
  const certificate = options.user ? target.credentials[options.user]?.certificate : undefined;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: options.path,
        method: options.method ?? 'GET',
        ca: target.authority.certPem,
        cert: certificate?.certPem,
        key: certificate?.keyPem,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const accessReview = (verb: string, resource: string, group = '') => ({
  apiVersion: 'authorization.k8s.io/v1',
  kind: 'SelfSubjectAccessReview',
  spec: { resourceAttributes: { verb, resource, group } },
});

describe('local Kubernetes API', () => {
  it('when /version is asked without credentials, then it answers the version (public info)', async () => {
    const { status, body } = await call({ path: '/version' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.4' });
  });

  it('when a bearer token is unknown, then 401 with an Unauthorized Status', async () => {
    const { status, body } = await call({ path: '/version', token: 'nope' });
    expect(status).toBe(401);
    expect(body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('when a certificate user asks SelfSubjectReview, then 201 with its name and groups', async () => {
    const { status, body } = await call({
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      user: 'kube-admin',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      status: {
        userInfo: { username: 'kube-admin', groups: ['system:masters', 'system:authenticated'] },
      },
    });
  });

  it('when anonymous asks SelfSubjectReview, then 403 with a Forbidden Status naming the resource', async () => {
    const { status, body } = await call({
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
    expect(body.message).toContain(
      'User "system:anonymous" cannot create resource "selfsubjectreviews"',
    );
  });

  it('when the token user and the viewer ask SelfSubjectAccessReview, then allowed and denied as configured', async () => {
    const token = kube.credentials.deployer?.token;
    const allowed = await call({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      token,
      body: accessReview('create', 'clusterroles', 'rbac.authorization.k8s.io'),
    });
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({
      kind: 'SelfSubjectAccessReview',
      status: { allowed: true },
    });
    const denied = await call({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      user: 'viewer',
      body: accessReview('create', 'clusterroles', 'rbac.authorization.k8s.io'),
    });
    expect(denied.body).toMatchObject({ status: { allowed: false } });
  });

  it('when a path is unknown, then 404 with a NotFound Status', async () => {
    const { status, body } = await call({ path: '/apis/nope/v1', user: 'kube-admin' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  it('when it is told to redirect, then every answer is a 302 to the given place', async () => {
    const { status, headers } = await call({ path: '/version', target: redirecting });
    expect(status).toBe(302);
    expect(headers.location).toBe('https://169.254.169.254/latest/meta-data/');
  });
});
