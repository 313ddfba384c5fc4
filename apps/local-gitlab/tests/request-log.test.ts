import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createServerLogger } from '@cluster-console/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';
import { git } from './helpers/git-cli';

/**
 * The clusters API fetches the tenant repository every few seconds: at the default level those
 * fetches must not bury the rest of the local GitLab's log. A push, a refused fetch and every
 * other request stay at info.
 */
interface LogLine {
  level: number;
  msg: string;
  req?: { id?: string };
}
const lines: LogLine[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const text of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(JSON.parse(text) as LogLine);
    }
    done();
  },
});

let dataDir: string;
let work: string;
let repoUrl: string;
let running: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-gitlab-log-'));
  work = await mkdtemp(path.join(tmpdir(), 'local-gitlab-log-work-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
  // Debug, so every line is written with the level it was given.
  running = await startServer(
    config,
    createServerLogger({ app: 'local-gitlab', level: 'debug', destination: sink }),
  );
  repoUrl = `${running.url}/nautes/tenant-config.git`;
});
afterAll(async () => {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const MAINTAINER_AUTH = `Basic ${Buffer.from('oauth2:glpat-local-maintainer').toString('base64')}`;

/**
 * git with this request id on each of its HTTP requests and, like the clusters API, the
 * credentials on the first request (git's own first try without them is a 401, logged at info).
 */
function gitWithId(id: string, args: string[], cwd = work, auth = MAINTAINER_AUTH) {
  return git(
    [
      '-c',
      `http.extraHeader=X-Request-Id: ${id}`,
      '-c',
      `http.extraHeader=Authorization: ${auth}`,
      ...args,
    ],
    cwd,
  );
}

function levelsOf(id: string): string[] {
  return lines.filter((line) => line.req?.id === id).map((line) => `${line.level} ${line.msg}`);
}

describe('local GitLab request log', () => {
  it('when the tenant repository is fetched, then its lines are at debug; a push and a refused fetch are at info', async () => {
    const dir = path.join(work, 'clone');
    expect((await gitWithId('clone-1', ['clone', repoUrl, dir])).code).toBe(0);
    expect((await gitWithId('fetch-1', ['fetch', 'origin'], dir)).code).toBe(0);
    await writeFile(path.join(dir, 'log-test.txt'), 'x\n');
    expect((await git(['add', 'log-test.txt'], dir)).code).toBe(0);
    expect((await git(['commit', '-m', 'log test'], dir)).code).toBe(0);
    expect((await gitWithId('push-1', ['push', 'origin', 'HEAD:main'], dir)).code).toBe(0);
    const wrong = `Basic ${Buffer.from('oauth2:glpat-wrong').toString('base64')}`;
    expect((await gitWithId('refused-1', ['ls-remote', repoUrl], work, wrong)).code).not.toBe(0);

    for (const id of ['clone-1', 'fetch-1']) {
      expect(levelsOf(id).length, id).toBeGreaterThan(0);
      expect(
        levelsOf(id).filter((line) => !line.startsWith('20 ')),
        id,
      ).toEqual([]);
    }
    // The advertisement of a push is a read of refs for receive-pack: a push, at info.
    expect(levelsOf('push-1')).toContain('30 git request');
    expect(levelsOf('push-1').filter((line) => !line.startsWith('30 '))).toEqual([]);
    expect(levelsOf('refused-1')).toContain('30 request completed');
  });
});
