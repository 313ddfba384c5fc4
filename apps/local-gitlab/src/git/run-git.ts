import { spawn } from 'node:child_process';

export interface RunGitOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}

/** Runs git with a clean, predictable environment and resolves its trimmed stdout. */
export function runGit(args: string[], options: RunGitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        LANG: 'C',
        GIT_TERMINAL_PROMPT: '0',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(stdout.trim());
      else reject(new Error(`git ${args[0] ?? ''} failed (${code}): ${stderr.trim()}`));
    });
    // A git command that exits without reading its input (EPIPE) must not crash the server.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
