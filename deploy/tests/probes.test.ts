import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/free-port';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { OVERLAYS, render } from './render-overlay';

const run = promisify(execFile);

/** The app each container runs, as the stack names it; a new container must be added here. */
const APP_OF_CONTAINER: Record<string, keyof Stack['apps']> = {
  bff: 'bff',
  'clusters-api': 'clustersApi',
  'local-gitlab': 'gitlab',
};

interface RenderedContainer {
  overlay: string;
  container: IContainer;
  /** The Pod's ConfigMap data, which the BFF takes its PORT from. */
  config: Record<string, string>;
}

function containersOf(overlay: string): RenderedContainer[] {
  const objects = render(`overlays/${overlay}`);
  const config =
    (objects.find((object) => object.kind === 'ConfigMap') as { data?: Record<string, string> })
      ?.data ?? {};
  return objects
    .filter((object) => object.kind === 'Deployment')
    .flatMap((object) =>
      new Deployment(object as never).spec!.template.spec!.containers.map((container) => ({
        overlay,
        container,
        config,
      })),
    );
}

const rendered = OVERLAYS.flatMap(containersOf);
const probes = rendered.flatMap(({ overlay, container, config }) =>
  (['livenessProbe', 'readinessProbe'] as const).map((kind) => ({
    name: `${overlay} ${container.name} ${kind}`,
    container,
    config,
    probe: container[kind],
  })),
);

/** The container's literal env, as its processes (and so an exec probe) see it. */
function literalEnv(container: IContainer): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? []).flatMap((variable) =>
      variable.value === undefined ? [] : [[variable.name, variable.value]],
    ),
  );
}

/** Runs an exec probe's command as the kubelet would, inside a container whose PORT is `port`. */
async function execProbe(command: string[], env: Record<string, string>): Promise<number> {
  const [program, ...args] = command;
  try {
    await run(program === 'node' ? process.execPath : (program ?? ''), args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 10_000,
    });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? 1;
  }
}

/** Asks until it succeeds or 30 s pass: readiness may take a moment after the start. */
async function eventually(attempt: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (!(await attempt())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
}

/**
 * Every container of every overlay has a liveness and a readiness probe, and each probe,
 * run against the app started from source, succeeds: it names a path the app serves on the
 * port it listens on. An exec probe is run as the kubelet runs it (its command, the container's
 * env); it must also fail when nothing answers, or it would prove nothing.
 */
describe('probes', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-probes-'));
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ dataDir: path.join(root, 'data') });
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('when the overlays are rendered, then each runs the three apps or the BFF, all known', () => {
    expect(rendered.map(({ overlay, container }) => `${overlay} ${container.name}`).sort()).toEqual(
      ['demo bff', 'demo clusters-api', 'demo local-gitlab', 'production bff'],
    );
  });

  it.each(probes)(
    'when $name runs against the app started from source, then it succeeds',
    async ({ container, config, probe }) => {
      expect(probe, 'the probe is missing').toBeDefined();
      const app = stack.apps[APP_OF_CONTAINER[container.name] ?? 'bff'];
      const { httpGet, exec } = probe as IProbe;
      if (httpGet) {
        // The named port is the container's, and the app listens on it (PORT).
        const port = container.ports?.find((p) => p.name === httpGet.port)?.containerPort;
        expect(port ?? httpGet.port).toBe(Number(literalEnv(container).PORT ?? config.PORT));
        // JSON, not the SPA's index.html, which the BFF answers for any other path.
        const ok = await eventually(async () => {
          const response = await fetch(`${app.url}${httpGet.path ?? '/'}`);
          return response.status === 200 && /json/.test(response.headers.get('content-type') ?? '');
        });
        expect(ok, `GET ${httpGet.path} answers 200 with JSON`).toBe(true);
        return;
      }
      expect(exec?.command, 'an httpGet or exec probe').toBeDefined();
      const env = literalEnv(container);
      expect(env.PORT, 'the container sets PORT, which the probe reads').toMatch(/^\d+$/);
      const command = exec?.command ?? [];
      expect(
        await eventually(
          async () => (await execProbe(command, { ...env, PORT: String(app.port) })) === 0,
        ),
      ).toBe(true);
      const silent = String(await findFreePort());
      expect(await execProbe(command, { ...env, PORT: silent })).not.toBe(0);
    },
  );
});
