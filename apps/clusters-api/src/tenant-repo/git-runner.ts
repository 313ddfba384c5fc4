/**
 * Runs git without a shell. Credentials never go into argv, `.git/config` or logs: a token is
 * handed to one git process through `GIT_CONFIG_*` environment variables as an
 * `http.extraHeader`, and git's own tracing is switched off.
 */
import { execFile, spawn } from 'node:child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
}

export class GitCommandError extends Error {
  constructor(
    readonly subcommand: string,
    readonly exitCode: number | string | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(
      `git ${subcommand} failed (${String(exitCode)}): ${redactSecrets(stderr.trim()).slice(0, 500)}`,
    );
    this.name = 'GitCommandError';
  }
}

export interface GitRunOptions {
  cwd: string;
  /** Sent as HTTP Basic auth (user `oauth2`) to the remote; never written anywhere. */
  token?: string;
  /** `-c key=value` pairs that are not secret (author identity). */
  config?: Record<string, string>;
  timeoutMs?: number;
}

export interface GitRunnerOptions {
  /**
   * An HTTP transfer that moves (almost) nothing for this long is aborted, through git's
   * low-speed limit: the overall `timeoutMs` alone would let a hung server hold a call for a
   * minute. Rounded up to whole seconds, git's unit.
   */
  stallTimeoutMs?: number;
}

export class GitRunner {
  private readonly stallEnv: Record<string, string>;

  constructor(
    private readonly baseEnv: Record<string, string>,
    options: GitRunnerOptions = {},
  ) {
    this.stallEnv =
      options.stallTimeoutMs === undefined
        ? {}
        : {
            GIT_HTTP_LOW_SPEED_LIMIT: '1',
            GIT_HTTP_LOW_SPEED_TIME: String(Math.max(1, Math.ceil(options.stallTimeoutMs / 1000))),
          };
  }

  async run(args: string[], options: GitRunOptions): Promise<GitResult> {
    const { env, configArgs } = this.prepare(options);
    return new Promise<GitResult>((resolve, reject) => {
      execFile(
        'git',
        [...configArgs, ...args],
        {
          cwd: options.cwd,
          env,
          timeout: options.timeoutMs ?? 60_000,
          maxBuffer: 64 * 1024 * 1024,
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          if (error) {
            const code = (error as NodeJS.ErrnoException & { code?: number | string }).code ?? null;
            reject(
              new GitCommandError(args[0] ?? '', error.killed ? 'timeout' : code, stdout, stderr),
            );
            return;
          }
          resolve({ stdout, stderr });
        },
      );
    });
  }

  /** Runs git with `input` on stdin and returns its stdout as bytes (`cat-file --batch`). */
  async runBinary(args: string[], input: Buffer | string, options: GitRunOptions): Promise<Buffer> {
    const { env, configArgs } = this.prepare(options);
    return new Promise<Buffer>((resolve, reject) => {
      const child = spawn('git', [...configArgs, ...args], {
        cwd: options.cwd,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: options.timeoutMs ?? 60_000,
      });
      const out: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
      });
      // git may exit before reading all of stdin (a bad argument): its exit code tells.
      child.stdin.on('error', () => undefined);
      child.once('error', (error) =>
        reject(new GitCommandError(args[0] ?? '', error.message, '', stderr)),
      );
      child.once('close', (code, signal) => {
        if (code === 0) resolve(Buffer.concat(out));
        else
          reject(
            new GitCommandError(args[0] ?? '', signal === 'SIGTERM' ? 'timeout' : code, '', stderr),
          );
      });
      child.stdin.end(input);
    });
  }

  private prepare(options: GitRunOptions): { env: Record<string, string>; configArgs: string[] } {
    const configArgs = Object.entries(options.config ?? {}).flatMap(([key, value]) => [
      '-c',
      `${key}=${value}`,
    ]);
    const env: Record<string, string> = {
      ...this.baseEnv,
      ...this.stallEnv,
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: 'false',
      SSH_ASKPASS: 'false',
      GIT_CONFIG_NOSYSTEM: '1',
      // The user's ~/.gitconfig could add credential helpers or URL rewrites: ignore it.
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...credentialEnv(options.token),
    };
    return { env, configArgs };
  }
}

function credentialEnv(token: string | undefined): Record<string, string> {
  const entries: [string, string][] = [
    // An empty helper resets the list: no helper may store the token.
    ['credential.helper', ''],
  ];
  if (token !== undefined) {
    const basic = Buffer.from(`oauth2:${token}`, 'utf8').toString('base64');
    entries.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
  }
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

/** Removes anything that looks like a credential from git's output before it is logged. */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\/\/)[^/@\s]+@/g, '$1***@')
    .replace(/(authorization:\s*\w+\s+)\S+/gi, '$1***')
    .replace(/\b(glpat|gldt|gloas|glrt|glptt)-[\w-]+/g, '$1-***');
}
