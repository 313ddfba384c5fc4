// The release build: compiles the BFF, the embedded clusters API and the local GitLab to
// JavaScript, builds the SPA, and writes one self-contained folder per app under `.release/`:
//
//   .release/bff/            apps/bff/dist/main.js + apps/web/dist/ (the SPA it serves)
//   .release/clusters-api/   apps/clusters-api/dist/main.js
//   .release/local-gitlab/   apps/local-gitlab/dist/main.js + apps/local-gitlab/users.json
//   .release/local-kube/     apps/local-kube/dist/main.js (the local management cluster)
//
// Each main.js is one ES module bundled by esbuild with its runtime dependencies and
// packages/shared inlined, so a folder holds no node_modules, no TypeScript and no dev
// dependency: `NODE_ENV=production node apps/<app>/dist/main.js` from inside the folder starts
// it. The folders mirror the repository's layout so every app's defaults (the SPA's folder,
// the users file) resolve as they do from source. The Dockerfile only runs this script and
// copies its output.
//
// Usage: node scripts/build-release.mjs [--out <dir>] [--skip-web]
//   --out       write there instead of .release/ (tests build into a temporary folder)
//   --skip-web  copy the existing apps/web/dist instead of building the SPA
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apps = ['bff', 'clusters-api', 'local-gitlab', 'local-kube'];
const log = (message) => process.stderr.write(`build-release: ${message}\n`);

// Bundled CommonJS dependencies (express, pino, ...) call require() for Node's built-ins: an
// ES module bundle has no require of its own, so give it Node's.
const banner = [
  "import { createRequire as __releaseCreateRequire } from 'node:module';",
  'const require = __releaseCreateRequire(import.meta.url);',
].join('\n');

export async function buildRelease({
  outDir: releaseDir = path.join(repoRoot, '.release'),
  skipWeb = false,
} = {}) {
  const started = Date.now();
  rmSync(releaseDir, { recursive: true, force: true });
  // The SPA goes straight into the BFF's folder: the working tree's apps/web/dist (which
  // `npm start` and e2e serve) is left alone.
  const webDist = path.join(releaseDir, 'bff/apps/web/dist');
  if (skipWeb && existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) {
    cpSync(path.join(repoRoot, 'apps/web/dist'), webDist, { recursive: true });
  } else {
    log('building the SPA (vite)');
    const web = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', webDist, '--emptyOutDir'],
      { cwd: path.join(repoRoot, 'apps/web'), stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (web.status !== 0) throw new Error('building apps/web failed (see above)');
  }
  for (const app of apps) {
    const outDir = path.join(releaseDir, app);
    log(`bundling apps/${app}`);
    await build({
      entryPoints: [path.join(repoRoot, 'apps', app, 'src/main.ts')],
      outfile: path.join(outDir, 'apps', app, 'dist/main.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      banner: { js: banner },
      legalComments: 'linked',
      logLevel: 'warning',
    });
    // The folder's root: `type: module` for the bundle, and nothing to install.
    writeFileSync(
      path.join(outDir, 'package.json'),
      `${JSON.stringify(
        { name: `@cluster-console/${app}-release`, private: true, type: 'module' },
        null,
        2,
      )}\n`,
    );
  }
  cpSync(
    path.join(repoRoot, 'apps/local-gitlab/users.json'),
    path.join(releaseDir, 'local-gitlab/apps/local-gitlab/users.json'),
  );
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${releaseDir}`);
  return releaseDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args.indexOf('--out');
  buildRelease({
    outDir: out >= 0 && args[out + 1] ? path.resolve(args[out + 1]) : undefined,
    skipWeb: args.includes('--skip-web'),
  }).catch((error) => {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
