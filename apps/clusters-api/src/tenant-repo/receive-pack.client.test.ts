import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshClone, git, makeTempDir } from '../../tests/helpers/git-fixtures';
import { startLocalGitLab, TOKENS, type LocalGitLab } from '../../tests/helpers/stack';
import { FILE_MODE, makeCommit, makeObject, makeTree } from './git-objects';
import { outcomeOf, parseReport, PushFailure, ReceivePackClient } from './receive-pack.client';

const pkt = (text: string) => `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;

describe('receive-pack report', () => {
  it('when the ref was updated, then it is ok', () => {
    const lines = parseReport(
      Buffer.from(`${pkt('unpack ok\n')}${pkt('ok refs/heads/main\n')}0000`),
    );
    expect(lines).toEqual(['unpack ok', 'ok refs/heads/main']);
    expect(outcomeOf(lines, 'refs/heads/main')).toBe('ok');
  });

  it.each(['failed to update ref', 'failed to lock', 'fetch first', 'missing necessary objects'])(
    'when the remote answers "ng %s", then the push is retried',
    (reason) => {
      expect(outcomeOf(['unpack ok', `ng refs/heads/main ${reason}`], 'refs/heads/main')).toBe(
        'retry',
      );
    },
  );

  it('when a hook declined, then it is forbidden; when unpacking failed, then it is an error', () => {
    expect(() =>
      outcomeOf(['unpack ok', 'ng refs/heads/main pre-receive hook declined'], 'refs/heads/main'),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }) as Error);
    expect(() => outcomeOf(['unpack index-pack abnormal exit'], 'refs/heads/main')).toThrow(
      PushFailure,
    );
  });
});

describe('ReceivePackClient against the local GitLab', { timeout: 60_000 }, () => {
  let gitlab: LocalGitLab;
  let scratch: string;
  let client: ReceivePackClient;

  beforeAll(async () => {
    gitlab = await startLocalGitLab();
    scratch = makeTempDir('receive-pack-');
    client = new ReceivePackClient(`${gitlab.url}/nautes/tenant-config.git`);
  });

  afterAll(async () => {
    client?.close();
    await gitlab?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** A commit on top of the remote's main (or on `parent`), adding one file. */
  function nextCommit(name: string, parent = git(gitlab.bareRepo, 'rev-parse', 'main').trim()) {
    const baseTree = git(gitlab.bareRepo, 'rev-parse', `${parent}^{tree}`).trim();
    const entries = git(gitlab.bareRepo, 'ls-tree', baseTree)
      .trim()
      .split('\n')
      .map((line) => {
        const [meta = '', entryName = ''] = line.split('\t');
        const [mode = '', , oid = ''] = meta.split(' ');
        return { mode: mode === '040000' ? '40000' : mode, name: entryName, oid };
      });
    const blob = makeObject('blob', `${name}\n`);
    const tree = makeTree([...entries, { mode: FILE_MODE, name, oid: blob.oid }]);
    const commit = makeCommit({
      tree: tree.oid,
      parent,
      identity: { name: 'Mia', email: 'mia@example.test' },
      message: `add ${name}`,
    });
    return { parent, commit, objects: [blob, tree, commit] };
  }

  it('when the maintainer pushes on the current main, then main is the new commit', async () => {
    const next = nextCommit('one.txt');
    const outcome = await client.push({
      oldOid: next.parent,
      newOid: next.commit.oid,
      ref: 'refs/heads/main',
      objects: next.objects,
      token: TOKENS.maintainer,
    });
    expect(outcome).toBe('ok');
    expect(git(gitlab.bareRepo, 'rev-parse', 'main').trim()).toBe(next.commit.oid);
    git(gitlab.bareRepo, 'fsck', '--no-progress');
    expect(git(freshClone(scratch, gitlab.cloneUrl), 'log', '-1', '--format=%s').trim()).toBe(
      'add one.txt',
    );
  });

  it('when main moved since the parent was read, then the push is to be retried and nothing changes', async () => {
    const stale = nextCommit('stale.txt');
    const moved = nextCommit('moved.txt');
    await client.push({
      oldOid: moved.parent,
      newOid: moved.commit.oid,
      ref: 'refs/heads/main',
      objects: moved.objects,
      token: TOKENS.maintainer,
    });
    const outcome = await client.push({
      oldOid: stale.parent,
      newOid: stale.commit.oid,
      ref: 'refs/heads/main',
      objects: stale.objects,
      token: TOKENS.maintainer,
    });
    expect(outcome).toBe('retry');
    expect(git(gitlab.bareRepo, 'rev-parse', 'main').trim()).toBe(moved.commit.oid);
  });

  it('when a developer pushes to protected main, then it is forbidden; a bad token is unauthenticated', async () => {
    const next = nextCommit('dev.txt');
    const request = {
      oldOid: next.parent,
      newOid: next.commit.oid,
      ref: 'refs/heads/main',
      objects: next.objects,
    };
    await expect(client.push({ ...request, token: TOKENS.developer })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(client.push({ ...request, token: 'glpat-not-a-token' })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    expect(git(gitlab.bareRepo, 'rev-parse', 'main').trim()).toBe(next.parent);
  });
});
