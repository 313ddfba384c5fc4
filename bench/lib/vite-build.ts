import { execFileSync } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/app-process';

/**
 * `vite build` in apps/web, with its own dependencies and config: the console's SPA, or with
 * `root` another page there (the library floor), into `outDir`.
 */
export function viteBuild(outDir: string, options: { root?: string; logLevel: string }): void {
  const root = options.root === undefined ? [] : [options.root];
  execFileSync(
    'pnpm',
    [
      ...['--filter', '@cluster-console/web', 'exec', 'vite', 'build', ...root],
      ...['--outDir', outDir, '--emptyOutDir', '--logLevel', options.logLevel],
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
