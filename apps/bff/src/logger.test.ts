import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const loggerPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'logger.ts');

/** Runs `body` in a child process with `createLogger` imported; resolves to its stdout. */
function runWithLogger(body: string): Promise<{ code: number | null; stdout: string }> {
  const script = `import { createLogger } from ${JSON.stringify(loggerPath)};\n${body}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout })));
}

describe('the BFF logger on stdout', () => {
  it('when lines with multi-byte characters fill the buffer and the process then exits, then every line reaches stdout whole and in order', async () => {
    // 300 lines of about 130 bytes: several full buffers, and a part still buffered at exit.
    const { code, stdout } = await runWithLogger(`
      const logger = createLogger('info');
      for (let index = 0; index < 300; index += 1) {
        logger.info({ index, user: 'müller-ünal-€-😀', path: '/api/v1/clusters' }, 'request');
      }
      process.exit(0);
    `);
    expect(code).toBe(0);
    const lines = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { index: number; user: string });
    expect(lines.map((line) => line.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(new Set(lines.map((line) => line.user))).toEqual(new Set(['müller-ünal-€-😀']));
  }, 30_000);
});
