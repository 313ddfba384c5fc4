// `npm test`: set the machine up, then run every check and test, and end with one line
// `tests: N passed, N failed`. Every step runs even after a failure, so one CI log shows all.
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { bootstrap, ensureDebianPackage, log, repoRoot } from './bootstrap.mjs';

const pnpm = bootstrap();
const outputDir = path.join(repoRoot, '.test-output');
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const hasE2eTests = () => {
  const dir = path.join(repoRoot, 'e2e', 'tests');
  return existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.spec.ts'));
};

// Real servers, not mocks: the BFF's session tests need Redis, e2e needs Chromium.
const setupProblems = [];
if (!ensureDebianPackage('redis-server', 'redis-server')) {
  setupProblems.push(
    'redis-server is missing and could not be installed with apt-get (the BFF Redis session tests need it)',
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
for (const problem of setupProblems) log(`error: ${problem}`);

/**
 * Runs `pnpm <args>` with its output captured, then prints that output whole under a header
 * (two steps run at once, and interleaved lines would be unreadable). Resolves to success.
 */
function run(name, args) {
  const started = Date.now();
  const logFile = path.join(outputDir, `${name}.log`);
  const out = createWriteStream(logFile);
  return new Promise((resolve) => {
    const child = spawn(pnpm, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once('error', (error) => out.write(`${error.message}\n`));
    child.once('close', (code) => {
      out.end(() => {
        const seconds = Math.round((Date.now() - started) / 1000);
        const ok = code === 0;
        process.stdout.write(
          `\n===== ${name}: pnpm ${args.join(' ')} (${seconds} s, ${ok ? 'ok' : `exit ${code}`}) =====\n`,
        );
        process.stdout.write(readFileSync(logFile, 'utf8'));
        resolve(ok);
      });
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

async function staticChecks() {
  for (const [name, args] of [
    ['format', ['run', 'format:check']],
    ['lint', ['run', 'lint']],
    ['typecheck', ['run', 'typecheck']],
  ]) {
    const ok = await run(name, args);
    count(name, ok ? 1 : 0, ok ? 0 : 1);
  }
}

// Browser journeys (Playwright in Debian's Chromium).
async function journeys() {
  if (!hasE2eTests()) return;
  const e2eOk = await run('e2e', ['run', 'test:e2e']);
  const e2e = readJson(path.join(outputDir, 'e2e.json'));
  if (e2e?.stats) {
    count(
      'e2e',
      e2e.stats.expected + e2e.stats.flaky,
      atLeastOneIfFailed(e2eOk, e2e.stats.unexpected),
    );
  } else {
    count('e2e', 0, 1);
  }
}

// Unit and HTTP tests (vitest, every package).
async function unitTests() {
  const unitReport = path.join(outputDir, 'unit.json');
  const unitOk = await run('unit', [
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
}

// The unit tests keep both cores busy, so they run alone. The browser journeys use under one
// core (they mostly wait on the browser and the servers), so the static checks run beside them.
const startedAt = Date.now();
await unitTests();
log('running the browser journeys and, beside them, the static checks; each log follows when done');
await Promise.all([journeys(), staticChecks()]);
results.push(`  (all steps: ${Math.round((Date.now() - startedAt) / 1000)} s)`);

process.stdout.write(`\n${results.join('\n')}\n`);
process.stdout.write(`tests: ${tally.passed} passed, ${tally.failed} failed\n`);
process.exit(tally.failed === 0 ? 0 : 1);
