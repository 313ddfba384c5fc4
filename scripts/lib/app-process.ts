/**
 * Starts one of the apps as a real child process, the way `npm start` does, and waits until
 * it listens. Used by tests of other apps (apps never import each other), by e2e, by the
 * benchmarks and by `npm start` itself.
 *
 * Convention every app's `src/main.ts` follows: it listens on `HOST` (default 127.0.0.1) and
 * `PORT` (0 = any free port), and once listening writes one JSON log line to stdout holding
 * `"event":"listening"` and `"url":"http://127.0.0.1:<port>"`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppName = 'local-gitlab' | 'local-kube' | 'clusters-api' | 'bff';

export interface RunningProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface RunningApp extends RunningProcess {
  name: AppName;
}

export interface StartAppOptions {
  /** Extra environment, merged over the parent's. `PORT` defaults to `0`. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Copy the child's output to this process's stderr as it arrives (for `npm start`). */
  echo?: boolean;
  /**
   * A release folder root (`scripts/build-release.mjs`'s output): start the built
   * `<release>/<app>/apps/<app>/dist/main.js` with plain `node` from `<release>/<app>`, as the
   * image's CMD does, instead of the TypeScript source through tsx. Defaults to
   * `$CLUSTER_CONSOLE_RELEASE` (see {@link RELEASE_ENV}).
   */
  release?: string;
}

/**
 * `npm test` builds the release once and names its folder here, so every app a test starts runs
 * the code that ships, with no TypeScript compiled at each start (tsx took 1-3 s of CPU per
 * child process, dozens of times per run). Unset (a developer running one suite), apps start
 * from source.
 */
export const RELEASE_ENV = 'CLUSTER_CONSOLE_RELEASE';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function appMainPath(name: AppName): string {
  return path.join(repoRoot, 'apps', name, 'src', 'main.ts');
}

/** The built entry point inside a release folder, relative to the app's folder (its cwd). */
export function releasedMainPath(name: AppName): string {
  return path.join('apps', name, 'dist', 'main.js');
}

export async function startApp(name: AppName, options: StartAppOptions = {}): Promise<RunningApp> {
  const release = options.release ?? (process.env[RELEASE_ENV] || undefined);
  if (release) {
    const cwd = path.join(release, name);
    return { ...(await startProcess(name, [releasedMainPath(name)], cwd, options)), name };
  }
  return { ...(await startNodeScript(name, appMainPath(name), options)), name };
}

/** Runs a TypeScript file with Node (tsx) that follows the same "listening" convention. */
export async function startNodeScript(
  name: string,
  scriptPath: string,
  options: StartAppOptions = {},
): Promise<RunningProcess> {
  return startProcess(name, ['--import', 'tsx', scriptPath], repoRoot, options);
}

/** `node <args>` in `cwd`, waiting for the "listening" line. */
async function startProcess(
  name: string,
  nodeArgs: string[],
  cwd: string,
  options: StartAppOptions,
): Promise<RunningProcess> {
  const { env = {}, timeoutMs = 30_000, echo = false } = options;
  const child = spawn(process.execPath, nodeArgs, {
    cwd,
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`));
      child.kill('SIGKILL');
    }, timeoutMs);
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      if (echo) process.stderr.write(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const listening = parseListeningLine(line);
        if (listening) {
          clearTimeout(timer);
          resolve(listening);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (echo) process.stderr.write(chunk);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before listening:\n${output}`));
    });
  });

  return {
    name,
    url,
    port: Number(new URL(url).port),
    child,
    logs: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const grace = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(grace);
    },
  };
}

function parseListeningLine(line: string): string | undefined {
  if (!line.includes('"listening"')) return undefined;
  try {
    const entry = JSON.parse(line) as { event?: unknown; url?: unknown };
    return entry.event === 'listening' && typeof entry.url === 'string' ? entry.url : undefined;
  } catch {
    return undefined;
  }
}
