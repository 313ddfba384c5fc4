import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasedMainPath, startApp } from '../../scripts/lib/app-process';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { signIn } from '@cluster-console/bff/testing/sign-in';
import { buildRelease } from '../../scripts/build-release.mjs';

/** Every file below `dir`, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * The release build as the Dockerfile runs it (scripts/build-release.mjs), and its output
 * started the way the image's CMD does: `node apps/<app>/dist/main.js` with plain Node from
 * the app's folder, NODE_ENV=production. The folders are built under the system's temporary
 * directory, where no node_modules above them could hide a dependency the bundle lacks.
 */
describe('release build', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-release-'));
  const release = path.join(root, 'release');
  let stack: Stack | undefined;

  beforeAll(async () => {
    await buildRelease({ outDir: release });
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('when built, then each app folder holds its bundle and no TypeScript, node_modules or source', () => {
    for (const app of ['bff', 'clusters-api', 'local-gitlab', 'local-kube'] as const) {
      const files = listFiles(path.join(release, app));
      expect(files).toContain(releasedMainPath(app));
      expect(files).toContain('package.json');
      expect(files.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
      expect(files.filter((file) => file.split(path.sep).includes('node_modules'))).toEqual([]);
    }
    expect(existsSync(path.join(release, 'bff/apps/web/dist/index.html'))).toBe(true);
    expect(existsSync(path.join(release, 'local-gitlab/apps/local-gitlab/users.json'))).toBe(true);
  });

  it('when the built BFF, clusters API and local GitLab run with plain node, then /healthz answers, the SPA is served, /readyz sees both upstreams and a user signs in and lists clusters', async () => {
    stack = await startStack({
      dataDir: path.join(root, 'data'),
      release,
      env: {
        gitlab: { NODE_ENV: 'production' },
        clustersApi: { NODE_ENV: 'production' },
        bff: { NODE_ENV: 'production' },
      },
    });
    // Started from the release folders, not through tsx.
    for (const app of Object.values(stack.apps)) {
      expect(app.child.spawnargs.slice(1)).toEqual([releasedMainPath(app.name)]);
    }

    const health = await fetch(`${stack.bffUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    for (const route of ['/', '/clusters']) {
      const page = await fetch(`${stack.bffUrl}${route}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      // Relative asset URLs, resolved against the <base href> the BFF writes (the root here).
      const base = /<base href="([^"]*)"/.exec(html)?.[1];
      expect(base).toBe('/');
      const script = /<script[^>]+src="(\.\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(
        new URL(script ?? '', new URL(base ?? '/', `${stack.bffUrl}${route}`)),
      );
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
    }

    // The built clusters API reads GitLab and its tenant repository through the built local GitLab.
    const ready = async () => (await fetch(`${stack?.bffUrl}/readyz`)).status;
    const deadline = Date.now() + 30_000;
    while ((await ready()) !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await ready()).toBe(200);

    // The bundled OIDC provider and client: signing in and listing clusters work end to end.
    const { browser, landedOn } = await signIn(stack.bffUrl, {
      username: 'maintainer',
      password: 'maintainer',
      returnTo: '/clusters',
    });
    expect(landedOn.pathname).toBe('/clusters');
    const list = await browser.api(`${stack.bffUrl}/api/v1/clusters`);
    expect(list.status).toBe(200);
    expect(list.json()).toEqual({ items: [] });
  });

  it("when the built BFF starts with NODE_ENV=production and the local GitLab's development secret, then it refuses, naming the setting", async () => {
    await expect(
      startApp('bff', {
        release,
        timeoutMs: 15_000,
        env: {
          NODE_ENV: 'production',
          GITLAB_CLIENT_SECRET: '',
          SESSION_SECRET: randomBytes(32).toString('base64url'),
        },
      }),
    ).rejects.toThrow(/GITLAB_CLIENT_SECRET: is the local GitLab's development secret/);
  });
});
