import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { releasedMainPath, type AppName } from '../../scripts/lib/app-process';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Stage {
  name: string;
  from: string;
  instructions: { op: string; args: string }[];
}

/** The Dockerfile's stages, with line continuations joined and comments dropped. */
function readStages(): Stage[] {
  const text = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    const [, op = '', args = ''] = match;
    if (op === 'FROM') {
      const [, from = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ name, from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op, args: args.trim() });
    }
  }
  return stages;
}

const last = (stage: Stage, op: string) =>
  stage.instructions.filter((instruction) => instruction.op === op).at(-1)?.args;

/**
 * The image recipe cannot be built here (no container engine); these checks tie it to what the
 * release test runs: the same script, the same folders, the same command.
 */
describe('the Dockerfile', () => {
  const stages = readStages();
  const byName = (name: string) => stages.find((stage) => stage.name === name)!;

  it('when read, then the build stage only installs and runs the release script', () => {
    const build = byName('build');
    const runs = build.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.at(-1)).toBe('node scripts/build-release.mjs --out /release');
    // The same pnpm as the workspace's packageManager, so the lockfile is read as written.
    const { packageManager } = JSON.parse(
      readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
    ) as { packageManager: string };
    expect(runs).toContain(`npm install -g ${packageManager}`);
    expect(runs).toContain('pnpm install --frozen-lockfile');
  });

  it('when read, then the default image is the last stage: a slim Node 20 base, non-root, the BFF started as the release test starts it, with a HEALTHCHECK on /healthz', () => {
    const runtime = stages.at(-1)!;
    expect(runtime.name).toBe('runtime');
    expect(runtime.from).toBe('slim');
    const slim = byName('slim');
    expect(slim.from).toBe('${NODE_IMAGE}');
    expect(readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8')).toMatch(
      /^ARG NODE_IMAGE=node:20-[a-z]+-slim$/m,
    );
    expect(last(slim, 'USER')).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(last(slim, 'ENV')).toMatch(/NODE_ENV=production/);
    expect(runtime.instructions.some((i) => i.op === 'USER' && /^(0|root)/.test(i.args))).toBe(
      false,
    );
    expect(last(runtime, 'COPY')).toBe('--from=build --chown=0:0 /release/bff /app/bff');
    expect(last(runtime, 'WORKDIR')).toBe('/app/bff');
    expect(JSON.parse(last(runtime, 'CMD') ?? '[]')).toEqual(['node', releasedMainPath('bff')]);
    const healthcheck = last(runtime, 'HEALTHCHECK') ?? '';
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/healthz/);
  });

  it("when read, then the demo target's folders and the demo overlay's commands match the release layout", () => {
    const demo = byName('demo');
    expect(last(demo, 'COPY')).toBe('--from=build --chown=0:0 /release /app');
    expect(last(demo, 'USER')).toBe('1000:1000');
    const rendered = execFileSync(
      'kubectl',
      ['kustomize', path.join(repoRoot, 'deploy/kustomize/overlays/demo')],
      { encoding: 'utf8' },
    );
    const deployment = parseAllDocuments(rendered)
      .map((document) => document.toJS() as { kind: string; spec: unknown })
      .find((object) => object.kind === 'Deployment') as {
      spec: {
        template: {
          spec: { containers: { name: AppName; workingDir?: string; command?: string[] }[] };
        };
      };
    };
    for (const container of deployment.spec.template.spec.containers) {
      if (container.name === 'bff') continue; // the image's own WORKDIR and CMD
      expect(container.workingDir).toBe(`/app/${container.name}`);
      expect(container.command).toEqual(['node', releasedMainPath(container.name)]);
    }
  });
});
