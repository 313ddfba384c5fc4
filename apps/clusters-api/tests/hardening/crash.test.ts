/**
 * Crash safety: the clusters API (a real child process) is SIGKILLed, with its git children,
 * in the middle of a stream of saves, updates and deletes, at several points, and restarted
 * on the same data directory each time. Afterwards nothing may be lost or half-done: both
 * repositories pass `git fsck`, no temporary or lock file remains, every acknowledged
 * change is there, the kustomization lists exactly the cluster files, and the secret store
 * holds exactly one kubeconfig per physical cluster: the one saved with that file.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../../scripts/lib/app-process';
import { freshClone, makeTempDir } from '../helpers/git-fixtures';
import { call, startLocalGitLab, type LocalGitLab } from '../helpers/stack';
import { markedHost, markerOfDomain, markerOfKubeconfig } from './support/marked-bodies';
import { fsck, killTree, leftovers, readTenantState } from './support/tenant-state';

const KEY = randomBytes(32);
const WORKERS = 4;

/** A cluster's state as a marker, or null when it does not exist. */
type Outcome = string | null;

interface Tracked {
  /** The state after the last acknowledged (200) change. */
  settled: Outcome;
  /** Changes sent but not acknowledged (cut off by the kill): any of them may have landed. */
  unsettled: Outcome[];
}

let gitlab: LocalGitLab;
let scratch: string;
let dataDir: string;
let api: RunningApp | undefined;
const tracked = new Map<string, Tracked>();
const unexpected: string[] = [];
let acknowledged = 0;

function env(): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    GITLAB_URL: gitlab.url,
    SECRETS_KEY: KEY.toString('base64'),
  };
}

/** One worker: a sequence of changes on its own clusters until the connection breaks. */
async function worker(url: string, prefix: string, stop: { stopped: boolean }): Promise<void> {
  let counter = 0;
  const mine = () =>
    [...tracked.entries()].filter(
      ([name, state]) =>
        name.startsWith(prefix.split('-r')[0] ?? prefix) &&
        state.settled !== null &&
        state.unsettled.length === 0,
    );
  while (!stop.stopped) {
    const existing = mine();
    const roll = Math.random();
    let name: string;
    let outcome: Outcome;
    let request: Promise<{ status: number }>;
    const pick = () => existing[Math.floor(Math.random() * existing.length)]?.[0] ?? '';
    if (existing.length >= 2 && roll < 0.3) {
      name = pick();
      outcome = null;
      request = call(url, 'DELETE', `/api/v1/clusters/${name}`);
    } else {
      name = existing.length >= 1 && roll < 0.55 ? pick() : `${prefix}-${counter++}`;
      const marked = markedHost(`m${randomBytes(5).toString('hex')}`);
      outcome = marked.marker;
      request = call(url, 'POST', `/api/v1/clusters/${name}`, { body: marked.body });
    }
    const state = tracked.get(name) ?? { settled: null, unsettled: [] };
    tracked.set(name, state);
    state.unsettled.push(outcome);
    let status: number;
    try {
      status = (await request).status;
    } catch {
      return; // the process was killed under this request: its outcome is unknown
    }
    if (status !== 200) {
      unexpected.push(`${name}: HTTP ${status}`);
      return;
    }
    state.settled = outcome;
    state.unsettled = [];
    acknowledged += 1;
  }
}

/** Checks everything on disk and through the restarted API; then makes what was seen settled. */
async function verify(url: string): Promise<void> {
  // The service's own copy of the repository (however it keeps it) and the remote.
  fsck(path.join(dataDir, 'tenant-repo'));
  fsck(gitlab.bareRepo);
  expect(leftovers(dataDir)).toEqual([]);

  const clone = freshClone(scratch, gitlab.cloneUrl);
  const state = await readTenantState(clone, path.join(dataDir, 'secrets'), KEY);
  rmSync(clone, { recursive: true, force: true });
  expect(state.badFiles).toEqual([]);
  expect(state.badSecrets).toEqual([]);
  const names = [...state.files.keys()].sort();
  expect(state.kustomization).toEqual(names.map((name) => `${name}.yaml`));
  const physical = names.filter((name) => state.files.get(name)?.clusterType === 'physical');
  expect({ secrets: [...state.secrets.keys()].sort() }).toEqual({ secrets: physical });
  for (const name of physical) {
    const fileMarker = markerOfDomain(state.files.get(name)?.primaryDomain);
    expect({ name, kubeconfig: markerOfKubeconfig(state.secrets.get(name) ?? '') }).toEqual({
      name,
      kubeconfig: fileMarker,
    });
  }
  for (const [name, expected] of tracked) {
    const seen: Outcome = state.files.has(name)
      ? (markerOfDomain(state.files.get(name)?.primaryDomain) ?? '?')
      : null;
    expect({ name, seen, allowed: [expected.settled, ...expected.unsettled] }).toEqual({
      name,
      seen,
      allowed: expect.arrayContaining([seen]) as unknown,
    });
    expected.settled = seen;
    expected.unsettled = [];
  }
  const listed = await call<{ items: { name: string }[] }>(url, 'GET', '/api/v1/clusters');
  expect(listed.body.items.map((item) => item.name)).toEqual(names);
}

beforeAll(async () => {
  gitlab = await startLocalGitLab();
  scratch = makeTempDir('crash-');
  dataDir = makeTempDir('data-', scratch);
  api = await startApp('clusters-api', { env: env() });
});

afterAll(async () => {
  await api?.stop();
  await gitlab?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe(
  'the clusters API killed with SIGKILL during saves and deletes',
  { timeout: 60_000 },
  () => {
    // Kill points: right after the first acknowledged change, and later into the stream.
    it.each([
      { round: 1, afterMs: 0 },
      { round: 2, afterMs: 150 },
      { round: 3, afterMs: 400 },
    ])(
      'when killed $afterMs ms after the first acknowledged change (round $round) and restarted, then nothing is lost or half-done',
      async ({ round, afterMs }) => {
        const running = api;
        if (!running) throw new Error('no running clusters API');
        const stop = { stopped: false };
        const before = acknowledged;
        const workers = Array.from({ length: WORKERS }, (_, w) =>
          worker(running.url, `w${w}-r${round}`, stop),
        );
        while (acknowledged === before && unexpected.length === 0)
          await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, afterMs));
        stop.stopped = true;
        killTree(running.child.pid ?? 0);
        await Promise.all(workers);
        await running.stop();
        expect(unexpected).toEqual([]);

        api = await startApp('clusters-api', { env: env() });
        await verify(api.url);
      },
    );
  },
);
