import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGitlab, type TestGitlab } from './helpers/local-gitlab';
import { discoverConsoleClient, signIn } from './helpers/oidc-flow';

const TTL_SECONDS = 4;
let gitlab: TestGitlab;

beforeAll(async () => {
  // Long enough that sign-in plus the first checks fit inside it on a busy 2-core machine.
  gitlab = await startTestGitlab({ ACCESS_TOKEN_TTL: String(TTL_SECONDS) });
});
afterAll(async () => {
  await gitlab.stop();
});

it('when ACCESS_TOKEN_TTL has passed, then the access token gets 401 on the API and on Git', async () => {
  const config = await discoverConsoleClient(gitlab.issuer);
  const { tokens } = await signIn(config, { username: 'developer', password: 'developer' });
  expect(tokens.expires_in).toBe(TTL_SECONDS);
  const user = () =>
    fetch(`${gitlab.url}/api/v4/user`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
  const gitRefs = () =>
    fetch(`${gitlab.url}/nautes/tenant-config.git/info/refs?service=git-upload-pack`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`oauth2:${tokens.access_token}`).toString('base64')}`,
      },
    });
  expect((await user()).status).toBe(200);
  expect((await gitRefs()).status).toBe(200);

  await sleep(TTL_SECONDS * 1_000 + 1_100);
  const expired = await user();
  expect(expired.status).toBe(401);
  expect(await expired.json()).toMatchObject({ message: '401 Unauthorized' });
  expect((await gitRefs()).status).toBe(401);
});
