// `npm test`: set the machine up, then run every check and test, and end with one line
// `tests: N passed, N failed`. Every step runs even after a failure, so one CI log shows all.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { bootstrap, ensureDebianPackage, ensureInstalled, log, repoRoot } from './bootstrap.mjs';

const pnpm = bootstrap();
const outputDir = path.join(repoRoot, '.test-output');
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const hasE2eTests = () => {
  const dir = path.join(repoRoot, 'e2e', 'tests');
  return existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.spec.ts'));
};

// Real servers and clients, not mocks: the BFF's session and two-replica tests need Redis, the local-kube
// tests kubectl, e2e needs Chromium.
const setupProblems = [];
if (!ensureDebianPackage('redis-server', 'redis-server')) {
  setupProblems.push(
    'redis-server is missing and could not be installed with apt-get (the BFF Redis session and two-replica tests and journey need it)',
  );
}
if (
  hasE2eTests() &&
  !existsSync('/usr/bin/chromium') &&
  !ensureDebianPackage('chromium', 'chromium')
) {
  setupProblems.push(
    "Chromium is missing and could not be installed with apt-get (install Debian's chromium; e2e tests run in /usr/bin/chromium)",
  );
}
// The journeys' screenshots of Chinese pages (a failed journey's, or every page's with
// E2E_SCREENSHOTS=1) are for people to read: without a CJK font Chromium draws boxes. Not fatal: the journeys check the texts themselves.
const hasChineseFont = () =>
  (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
if (hasE2eTests() && !ensureInstalled(hasChineseFont, 'a Chinese font', 'fonts-wqy-zenhei')) {
  log('warning: no Chinese font could be installed; Chinese screenshots will show boxes');
}
// The deployment tests render manifests with `kubectl kustomize`; the connection check's
// Kubernetes API stand-in is proven faithful against kubectl itself.
if (!ensureDebianPackage('kubectl', 'kubernetes-client')) {
  setupProblems.push(
    "kubectl is missing and could not be installed with apt-get (install Debian's kubernetes-client)",
  );
}
for (const problem of setupProblems) log(`error: ${problem}`);

/** Runs `pnpm <args>` in the foreground. */
function run(args) {
  log(`$ pnpm ${args.join(' ')}`);
  return (
    spawnSync(pnpm, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: '0' },
    }).status === 0
  );
}

/**
 * Starts `pnpm <args>` in the background with its output in `logFile`; resolves to whether it
 * passed. Its log is printed whole when it ends, so the CI log stays readable. `niceness` runs it
 * at that priority (19: only on what the other steps leave idle).
 */
function runInBackground(args, logFile, { env = {}, niceness = 0 } = {}) {
  log(
    `$ pnpm ${args.join(' ')} (in the background${niceness ? ` at nice ${niceness}` : ''}, output in ${path.relative(repoRoot, logFile)})`,
  );
  const fd = openSync(logFile, 'w');
  const [command, commandArgs] = niceness
    ? ['nice', ['-n', String(niceness), pnpm, ...args]]
    : [pnpm, args];
  const child = spawn(command, commandArgs, {
    cwd: repoRoot,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      closeSync(fd);
      log(`$ pnpm ${args.join(' ')} ended:`);
      process.stdout.write(readFileSync(logFile, 'utf8'));
      resolve(code === 0);
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const tally = { passed: 0, failed: setupProblems.length };
const results = [];
function count(name, passed, failed) {
  tally.passed += passed;
  tally.failed += failed;
  results.push(`  ${name}: ${passed} passed, ${failed} failed`);
}

/** A run that exited non-zero counts as a failure even when its report shows none. */
function atLeastOneIfFailed(exitedOk, failed) {
  return exitedOk || failed > 0 ? failed : 1;
}

// One release build for the whole run (the SPA and the three apps, as the image ships them):
// every app a test starts runs from it, see RELEASE_ENV in scripts/lib/app-process.ts. If it
// fails, that counts as a failure and the tests start the apps from source instead.
const releaseDir = path.join(outputDir, 'release');
try {
  log('building the release the tests start the apps from');
  // Imported only now: it needs esbuild, which bootstrap() has just installed.
  const { buildRelease } = await import('./build-release.mjs');
  await buildRelease({ outDir: releaseDir });
  process.env.CLUSTER_CONSOLE_RELEASE = releaseDir;
  count('release build', 1, 0);
} catch (error) {
  log(`error: the release build failed: ${error instanceof Error ? error.message : error}`);
  count('release build', 0, 1);
}

// The browser journeys run in three parts at once, each on a stack of its own
// (e2e/journey-parts.ts), when the release build is there for every part to start; without it
// each part would build the SPA into the same folder, so they run as one. They keep both cores
// busy, so only the two short static checks run beside them. The unit tests run afterwards
// without them: some time what they test ("within a second"), and beside the journeys those
// failed. Lint runs beside the unit tests at the lowest priority: they leave about a third of the
// machine idle (they wait on git, servers and timers), and lint fills it.
const e2eParts = !hasE2eTests() ? [] : process.env.CLUSTER_CONSOLE_RELEASE ? ['a', 'b', 'c'] : [''];
const e2eRuns = e2eParts.map((part) => ({
  part,
  done: runInBackground(
    ['run', 'test:e2e'],
    path.join(outputDir, part ? `e2e-part-${part}.log` : 'e2e.log'),
    { env: part ? { E2E_PART: part } : {} },
  ),
}));

// Static checks count as one test each.
for (const [name, args] of [
  ['format', ['run', 'format:check']],
  ['typecheck', ['run', 'typecheck']],
]) {
  const ok = run(args);
  count(name, ok ? 1 : 0, ok ? 0 : 1);
}

// Browser journeys (Playwright in Debian's Chromium), started above.
for (const { part, done } of e2eRuns) {
  const e2eOk = await done;
  const name = part ? `e2e part ${part}` : 'e2e';
  const e2e = readJson(path.join(outputDir, part ? `e2e-part-${part}.json` : 'e2e.json'));
  if (e2e?.stats) {
    count(
      name,
      e2e.stats.expected + e2e.stats.flaky,
      atLeastOneIfFailed(e2eOk, e2e.stats.unexpected),
    );
  } else {
    count(name, 0, 1);
  }
}

const lintDone = runInBackground(['run', 'lint'], path.join(outputDir, 'lint.log'), {
  niceness: 19,
});

// Unit and HTTP tests (vitest, every package).
const unitReport = path.join(outputDir, 'unit.json');
const unitOk = run([
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const unit = readJson(unitReport);
if (unit) {
  // A crashed suite (e.g. a failing import) counts as a failure even if it held no test.
  const brokenSuites = (unit.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
  count(
    'unit',
    unit.numPassedTests,
    atLeastOneIfFailed(unitOk, unit.numFailedTests + brokenSuites),
  );
} else {
  count('unit', 0, 1);
}

const lintOk = await lintDone;
count('lint', lintOk ? 1 : 0, lintOk ? 0 : 1);

process.stdout.write(`\n${results.join('\n')}\n`);
process.stdout.write(`tests: ${tally.passed} passed, ${tally.failed} failed\n`);
process.exit(tally.failed === 0 ? 0 : 1);
