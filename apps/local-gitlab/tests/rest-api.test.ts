import type * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGitlab, type TestGitlab } from './helpers/local-gitlab';
import { discoverConsoleClient, signIn } from './helpers/oidc-flow';

let gitlab: TestGitlab;
let config: client.Configuration;
const oauthTokens = new Map<string, string>();

const USERS = [
  { username: 'maintainer', id: 1, accessLevel: 40 },
  { username: 'developer', id: 2, accessLevel: 30 },
  { username: 'outsider', id: 3, accessLevel: undefined },
] as const;

beforeAll(async () => {
  gitlab = await startTestGitlab();
  config = await discoverConsoleClient(gitlab.issuer);
  for (const { username } of USERS) {
    const { tokens } = await signIn(config, { username, password: username });
    oauthTokens.set(username, tokens.access_token);
  }
});
afterAll(async () => {
  await gitlab.stop();
});

type TokenKind = 'Bearer PAT' | 'PRIVATE-TOKEN PAT' | 'Bearer OAuth token';
const TOKEN_KINDS: TokenKind[] = ['Bearer PAT', 'PRIVATE-TOKEN PAT', 'Bearer OAuth token'];

function headersFor(username: string, kind: TokenKind): Record<string, string> {
  if (kind === 'PRIVATE-TOKEN PAT') return { 'PRIVATE-TOKEN': `glpat-local-${username}` };
  const token =
    kind === 'Bearer PAT' ? `glpat-local-${username}` : (oauthTokens.get(username) ?? '');
  return { Authorization: `Bearer ${token}` };
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${gitlab.url}/api/v4${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(USERS)('GitLab REST for $username', ({ username, id, accessLevel }) => {
  describe.each(TOKEN_KINDS)('with a %s', (kind) => {
    it('when asking /user, then it answers the user with GitLab field names', async () => {
      const { status, body } = await get('/user', headersFor(username, kind));
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id,
        username,
        name: expect.any(String) as string,
        email: `${username}@local-gitlab.test`,
        state: 'active',
        avatar_url: `${gitlab.url}/uploads/-/system/user/avatar/${id}/avatar.svg`,
        web_url: `${gitlab.url}/${username}`,
      });
    });

    it('when asking for the tenant project by id and by path, then permissions match the membership', async () => {
      for (const projectId of ['1', 'nautes%2Ftenant-config']) {
        const { status, body } = await get(`/projects/${projectId}`, headersFor(username, kind));
        if (accessLevel === undefined) {
          expect(status).toBe(404);
          expect(body).toMatchObject({ message: '404 Project Not Found' });
          continue;
        }
        expect(status).toBe(200);
        expect(body).toMatchObject({
          id: 1,
          path_with_namespace: 'nautes/tenant-config',
          default_branch: 'main',
          http_url_to_repo: `${gitlab.url}/nautes/tenant-config.git`,
          permissions: {
            project_access: { access_level: accessLevel, notification_level: 3 },
            group_access: null,
          },
        });
      }
    });

    it('when asking for the protected main branch, then push is for Maintainers (or 404 for a non-member)', async () => {
      const { status, body } = await get(
        '/projects/nautes%2Ftenant-config/protected_branches/main',
        headersFor(username, kind),
      );
      if (accessLevel === undefined) {
        expect(status).toBe(404);
        expect(body).toMatchObject({ message: '404 Project Not Found' });
        return;
      }
      expect(status).toBe(200);
      expect(body).toMatchObject({
        name: 'main',
        push_access_levels: [{ access_level: 40, access_level_description: 'Maintainers' }],
        merge_access_levels: [{ access_level: 40, access_level_description: 'Maintainers' }],
      });
    });
  });
});

describe('GitLab REST errors', () => {
  it('when a branch is not protected, then 404 Not found', async () => {
    const { status, body } = await get(
      '/projects/1/protected_branches/feature',
      headersFor('maintainer', 'Bearer PAT'),
    );
    expect(status).toBe(404);
    expect(body).toMatchObject({ message: '404 Not found' });
  });

  it('when the project does not exist, then 404 Project Not Found', async () => {
    const { status, body } = await get(
      '/projects/nautes%2Fmissing',
      headersFor('maintainer', 'Bearer PAT'),
    );
    expect(status).toBe(404);
    expect(body).toMatchObject({ message: '404 Project Not Found' });
  });

  it.each([
    ['an unknown bearer token', { Authorization: 'Bearer glpat-not-a-token' }],
    ['an unknown PRIVATE-TOKEN', { 'PRIVATE-TOKEN': 'glpat-not-a-token' }],
    ['a deploy token (Git only)', { Authorization: 'Bearer gldt-local-clusters-api' }],
    ['a malformed Authorization header', { Authorization: 'Token glpat-local-maintainer' }],
    ['no token', {}],
  ])('when the request carries %s, then /user answers 401 Unauthorized', async (_name, headers) => {
    const { status, body } = await get('/user', headers);
    expect(status).toBe(401);
    expect(body).toMatchObject({ message: '401 Unauthorized' });
  });

  it('when a bad token asks for a project, then 401 (not 404)', async () => {
    const { status } = await get('/projects/1', { Authorization: 'Bearer nope-nope-nope' });
    expect(status).toBe(401);
  });

  it('when an OAuth token lacks the api scope, then the project answer is 403 insufficient_scope', async () => {
    const { tokens } = await signIn(
      config,
      { username: 'maintainer', password: 'maintainer' },
      'openid read_user',
    );
    expect((await get('/user', { Authorization: `Bearer ${tokens.access_token}` })).status).toBe(
      200,
    );
    const { status, body } = await get('/projects/1', {
      Authorization: `Bearer ${tokens.access_token}`,
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: 'insufficient_scope' });
  });

  it('when an API route does not exist, then GitLab 404 body', async () => {
    const { status, body } = await get('/groups', headersFor('maintainer', 'Bearer PAT'));
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: '404 Not Found' });
  });
});
