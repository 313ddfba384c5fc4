import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from './free-port';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** More redis-server arguments, e.g. `['--replicaof', '127.0.0.1', '6380']`. */
  args?: string[];
}

/**
 * Starts a real, throw-away redis-server on 127.0.0.1 (free port, temp dir, no persistence).
 * Fails loudly when redis-server is not installed: the Redis session tests must not be skipped.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningRedis> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server is not installed, so the Redis session-store tests cannot run. ' +
        'Install it with `apt-get install -y redis-server` (`npm test` does this).',
    );
  }
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
