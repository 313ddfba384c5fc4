// Prepares a fresh machine for `npm start` and `npm test`: only Node 20 and npm are assumed.
// Plain Node on purpose: it runs before any dependency is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
export const pnpmVersion = packageJson.packageManager.replace(/^pnpm@/, '');

// Seconds since this script started, on every line: a CI log then shows where the time went.
export function log(message) {
  const seconds = Math.round(process.uptime());
  process.stderr.write(`[cluster-console +${seconds}s] ${message}\n`);
}

export function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function pnpmVersionAt(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Returns the path of a pnpm of the pinned version, installing it with npm when needed. */
export function ensurePnpm() {
  if (pnpmVersionAt('pnpm') === pnpmVersion) return 'pnpm';
  const globalBin = () =>
    path.join(execFileSync('npm', ['prefix', '-g'], { encoding: 'utf8' }).trim(), 'bin', 'pnpm');
  if (existsSync(globalBin()) && pnpmVersionAt(globalBin()) === pnpmVersion) return globalBin();
  log(`installing pnpm ${pnpmVersion} with npm`);
  const install = spawnSync('npm', ['install', '-g', `pnpm@${pnpmVersion}`], { stdio: 'inherit' });
  if (install.status !== 0)
    fail(`could not install pnpm ${pnpmVersion} (npm install -g pnpm@${pnpmVersion} failed)`);
  if (pnpmVersionAt(globalBin()) !== pnpmVersion)
    fail(`pnpm ${pnpmVersion} is not runnable after installing it`);
  return globalBin();
}

/** Installs the workspace's dependencies exactly as the lockfile pins them. */
export function installDependencies(pnpm) {
  log('installing dependencies (frozen lockfile)');
  const result = spawnSync(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) fail('pnpm install --frozen-lockfile failed (see above)');
}

/** Installs a Debian package when `binary` is missing; returns false when it cannot. */
const commandExists = (binary) => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;

/** Installs Debian's `debianPackage` unless `binary` is already on the PATH; true when it is then. */
export function ensureDebianPackage(binary, debianPackage) {
  return ensureInstalled(() => commandExists(binary), binary, debianPackage);
}

/** Installs Debian's `debianPackage` unless `present()` already holds; true when it then holds. */
export function ensureInstalled(present, what, debianPackage) {
  if (present()) return true;
  log(`${what} not found: installing Debian's ${debianPackage}`);
  const apt = (args) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (!apt(['install', '-y', '--no-install-recommends', debianPackage])) {
    // A fresh machine may not have package lists yet.
    if (!apt(['update']) || !apt(['install', '-y', '--no-install-recommends', debianPackage]))
      return false;
  }
  return present();
}

export function bootstrap() {
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  return pnpm;
}
