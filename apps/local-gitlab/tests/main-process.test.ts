import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../scripts/lib/app-process';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-gitlab-main-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('src/main.ts as a process', () => {
  it('when started with PORT=0, then it announces its URL, serves, keeps no secret in its logs and stops on SIGTERM', async () => {
    const app = await startApp('local-gitlab', { env: { DATA_DIR: dataDir } });
    try {
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${app.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const metadata = (await (
        await fetch(`${app.url}/.well-known/openid-configuration`)
      ).json()) as { issuer: string };
      expect(metadata.issuer).toBe(app.url);
      const project = await fetch(`${app.url}/api/v4/projects/nautes%2Ftenant-config`, {
        headers: {
          Authorization: 'Bearer glpat-local-developer',
          'X-Request-Id': 'test-request-1',
        },
      });
      expect(((await project.json()) as { permissions: unknown }).permissions).toMatchObject({
        project_access: { access_level: 30 },
      });
      expect(project.headers.get('x-request-id')).toBe('test-request-1');
      // The keys file is private to the user running the server.
      expect((await stat(path.join(dataDir, 'oidc-keys.json'))).mode & 0o777).toBe(0o600);
    } finally {
      await app.stop();
    }
    expect(app.child.exitCode).toBe(0);
    const logs = app.logs();
    expect(logs).toContain('"id":"test-request-1"');
    expect(logs).not.toContain('glpat-local-developer');
  });

  it('when the users file is broken, then it refuses to start and says why', async () => {
    const usersFile = path.join(dataDir, 'broken-users.json');
    await writeFile(usersFile, JSON.stringify({ users: [{ username: 'x' }] }));
    await expect(
      startApp('local-gitlab', { env: { DATA_DIR: dataDir, USERS_FILE: usersFile } }),
    ).rejects.toThrow(/users file .*broken-users\.json is invalid/);
  });
});
