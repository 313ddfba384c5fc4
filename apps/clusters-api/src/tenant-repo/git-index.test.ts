import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git, makeTempDir } from '../../tests/helpers/git-fixtures';
import { FILE_MODE, makeCommit, makeObject, makeTree } from './git-objects';
import { updateIndex } from './git-index';
import { GitRunner } from './git-runner';
import { ObjectDatabase } from './object-database';

describe('updateIndex', () => {
  let repo: string;
  let database: ObjectDatabase;

  beforeEach(() => {
    repo = makeTempDir('git-index-');
    git(repo, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(path.join(repo, 'keep.txt'), 'keep\n');
    writeFileSync(path.join(repo, 'gone.txt'), 'gone\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'first');
    database = new ObjectDatabase(repo, new GitRunner({ PATH: process.env.PATH ?? '' }));
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  /** A commit made in process: adds new.txt, changes keep.txt, removes gone.txt. */
  async function commitInProcess(): Promise<{ changed: string; added: string }> {
    const keep = makeObject('blob', 'kept, changed\n');
    const added = makeObject('blob', 'new\n');
    const tree = makeTree([
      { mode: FILE_MODE, name: 'keep.txt', oid: keep.oid },
      { mode: FILE_MODE, name: 'new.txt', oid: added.oid },
    ]);
    const parent = git(repo, 'rev-parse', 'HEAD').trim();
    const commit = makeCommit({
      tree: tree.oid,
      parent,
      identity: { name: 'T', email: 't@example.test' },
      message: 'second',
    });
    await database.writeLoose([keep, added, tree, commit]);
    await database.writeRef('refs/heads/main', commit.oid);
    writeFileSync(path.join(repo, 'keep.txt'), keep.data);
    writeFileSync(path.join(repo, 'new.txt'), added.data);
    rmSync(path.join(repo, 'gone.txt'));
    return { changed: keep.oid, added: added.oid };
  }

  it('when files and HEAD moved on, then the updated index makes git status clean', async () => {
    const { changed, added } = await commitInProcess();
    const updated = await updateIndex(repo, [
      { path: 'keep.txt', oid: changed },
      { path: 'new.txt', oid: added },
      { path: 'gone.txt', oid: undefined },
    ]);
    expect(updated).toBe(true);
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(repo, 'ls-files', '--stage')).toContain(`100644 ${added} 0\tnew.txt`);
    git(repo, 'fsck', '--full', '--strict', '--no-dangling');
  });

  it('when the index is in a version this does not write, then it is left to git', async () => {
    git(repo, 'update-index', '--index-version', '4');
    const { changed } = await commitInProcess();
    expect(await updateIndex(repo, [{ path: 'keep.txt', oid: changed }])).toBe(false);
    expect(git(repo, 'ls-files', '--stage')).toContain('gone.txt');
  });
});
