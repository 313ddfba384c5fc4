import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git, makeTempDir } from '../../tests/helpers/git-fixtures';
import {
  FILE_MODE,
  TREE_MODE,
  makeCommit,
  makeObject,
  makePack,
  makeTree,
  parseTree,
  sanitizeIdentity,
} from './git-objects';
import { GitRunner } from './git-runner';
import { ObjectDatabase } from './object-database';

function gitWithInput(cwd: string, args: string[], input: string | Buffer): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8' }).trim();
}

describe('git objects made in process', () => {
  let repo: string;
  let database: ObjectDatabase;

  beforeEach(() => {
    repo = makeTempDir('git-objects-');
    git(repo, 'init', '--quiet', '--initial-branch=main');
    database = new ObjectDatabase(repo, new GitRunner({ PATH: process.env.PATH ?? '' }));
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('when a blob is hashed, then its id is the one git computes', () => {
    const text = 'apiVersion: v1\nkind: Cluster\nname: ü\n';
    expect(makeObject('blob', text).oid).toBe(gitWithInput(repo, ['hash-object', '--stdin'], text));
  });

  it('when a tree is made, then it is the tree git makes from the same entries, in git order', () => {
    const blob = makeObject('blob', 'x\n');
    const inner = makeTree([{ mode: FILE_MODE, name: 'f', oid: blob.oid }]);
    const entries = [
      { mode: FILE_MODE, name: 'a.yaml', oid: blob.oid },
      { mode: TREE_MODE, name: 'a', oid: inner.oid },
      { mode: FILE_MODE, name: 'a-b', oid: blob.oid },
      { mode: FILE_MODE, name: 'kustomization.yaml', oid: blob.oid },
    ];
    const tree = makeTree(entries);
    const listing = [...entries]
      .map((e) => `${e.mode === TREE_MODE ? '040000 tree' : `${e.mode} blob`} ${e.oid}\t${e.name}`)
      .join('\n');
    expect(tree.oid).toBe(gitWithInput(repo, ['mktree', '--missing'], `${listing}\n`));
    expect(parseTree(tree.data).map((e) => e.name)).toEqual([
      'a-b',
      'a.yaml',
      'a',
      'kustomization.yaml',
    ]);
  });

  it('when objects are stored and a commit made, then git reads it as authored and committed by the caller, and fsck passes', async () => {
    const blob = makeObject('blob', 'hello\n');
    const tree = makeTree([{ mode: FILE_MODE, name: 'hello.txt', oid: blob.oid }]);
    const commit = makeCommit({
      tree: tree.oid,
      parent: undefined,
      identity: { name: 'Mia Maintainer', email: 'mia@example.test' },
      message: 'Save cluster mia',
    });
    await database.writeLoose([blob, tree, commit]);
    await database.writeRef('refs/heads/main', commit.oid);

    expect(git(repo, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s').trim()).toBe(
      'Mia Maintainer <mia@example.test>|Mia Maintainer <mia@example.test>|Save cluster mia',
    );
    expect(git(repo, 'show', 'main:hello.txt')).toBe('hello\n');
    git(repo, 'fsck', '--full', '--strict', '--no-dangling');
    const [read] = await database.read([`${commit.oid}:`]);
    expect(read?.oid).toBe(tree.oid);
  });

  it('when a display name tries to add a header line, then the commit keeps one author line', () => {
    const commit = makeCommit({
      tree: makeTree([]).oid,
      parent: undefined,
      identity: { name: 'Eve\ncommitter Mallory <m@x> 0 +0000', email: '<eve@example.test>\n' },
      message: 'x',
    });
    const header = commit.data.toString('utf8').split('\n\n')[0] ?? '';
    expect(header.split('\n').map((line) => line.split(' ')[0])).toEqual([
      'tree',
      'author',
      'committer',
    ]);
    expect(sanitizeIdentity({ name: ' ..', email: 'ops@example.test' }).name).toBe('ops');
  });

  it('when objects are packed, then git indexes the pack and finds every object', () => {
    const blob = makeObject('blob', 'b'.repeat(5000));
    const tree = makeTree([{ mode: FILE_MODE, name: 'big', oid: blob.oid }]);
    const pack = makePack([blob, tree]);
    const base = path.join(repo, 'test');
    execFileSync('git', ['index-pack', '-o', `${base}.idx`, '--stdin', `${base}.pack`], {
      cwd: repo,
      input: pack,
    });
    const listed = git(repo, 'verify-pack', '-v', `${base}.idx`);
    expect(listed).toContain(blob.oid);
    expect(listed).toContain(tree.oid);
  });
});
