// `npm start`: set the machine up, build the SPA, then run the product (scripts/start-stack.ts).
import { spawn, spawnSync } from 'node:child_process';
import { bootstrap, fail, log, repoRoot } from './bootstrap.mjs';

const pnpm = bootstrap();
log('building the web console');
const build = spawnSync(pnpm, ['--filter', '@cluster-console/web', 'run', 'build'], {
  cwd: repoRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) fail('building apps/web failed (see above)');

const stack = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-stack.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
// The stack handles SIGINT/SIGTERM itself (same process group); just mirror its exit.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stack.kill(signal));
stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
