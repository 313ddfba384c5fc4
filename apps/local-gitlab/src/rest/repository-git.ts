import { execFile } from 'node:child_process';

/** Git's own answer (stdout as bytes), or undefined when git exits non-zero. */
function gitBytes(gitDir: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['--git-dir', gitDir, ...args],
      {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? '/tmp',
          LANG: 'C',
          GIT_TERMINAL_PROMPT: '0',
        },
      },
      (error, stdout) => {
        if (!error) return resolve(stdout);
        if (typeof error.code === 'number') return resolve(undefined);
        reject(new Error(`git ${args[0] ?? ''} could not run: ${error.message}`));
      },
    );
  });
}

async function gitText(gitDir: string, args: string[]): Promise<string | undefined> {
  return (await gitBytes(gitDir, args))?.toString('utf8');
}

/** The full commit id a ref, branch or sha names, or undefined when it names no commit. */
export async function resolveCommit(gitDir: string, ref: string): Promise<string | undefined> {
  if (!ref || ref.startsWith('-')) return undefined;
  const out = await gitText(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return out?.trim() || undefined;
}

export interface CommitFilter {
  since?: string;
  until?: string;
  /** GitLab's `path`: history simplified to commits touching it, without following renames. */
  path?: string;
}

/** Commit ids reachable from `commit`, newest first, like `git log` (GitLab's order). */
export async function listCommitIds(
  gitDir: string,
  commit: string,
  filter: CommitFilter,
): Promise<string[]> {
  const args = ['rev-list'];
  if (filter.since) args.push(`--since=${filter.since}`);
  if (filter.until) args.push(`--until=${filter.until}`);
  args.push(commit, '--');
  if (filter.path) args.push(filter.path);
  const out = await gitText(gitDir, args);
  return (out ?? '').split('\n').filter(Boolean);
}

export interface CommitRecord {
  id: string;
  parentIds: string[];
  authorName: string;
  authorEmail: string;
  authoredDate: string;
  committerName: string;
  committerEmail: string;
  committedDate: string;
  message: string;
}

const FIELDS = ['%H', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x00');

/** The commits' metadata, in the order asked. */
export async function readCommits(gitDir: string, ids: string[]): Promise<CommitRecord[]> {
  if (ids.length === 0) return [];
  const out = await gitText(gitDir, [
    'show',
    '--no-patch',
    '--no-walk=unsorted',
    `--format=${FIELDS}%x1e`,
    ...ids,
  ]);
  return (out ?? '')
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.includes('\x00'))
    .map((record) => {
      const [
        id = '',
        parents = '',
        an = '',
        ae = '',
        ad = '',
        cn = '',
        ce = '',
        cd = '',
        body = '',
      ] = record.split('\x00');
      return {
        id,
        parentIds: parents.split(' ').filter(Boolean),
        authorName: an,
        authorEmail: ae,
        authoredDate: ad,
        committerName: cn,
        committerEmail: ce,
        committedDate: cd,
        message: body,
      };
    });
}

/** The file's bytes at `commit`, or undefined when the commit has no such file. */
export async function readBlob(
  gitDir: string,
  commit: string,
  filePath: string,
): Promise<Buffer | undefined> {
  const kind = await gitText(gitDir, ['cat-file', '-t', `${commit}:${filePath}`]);
  if (kind?.trim() !== 'blob') return undefined;
  return gitBytes(gitDir, ['cat-file', 'blob', `${commit}:${filePath}`]);
}

export interface FileChange {
  oldPath: string;
  newPath: string;
  aMode: string;
  bMode: string;
  newFile: boolean;
  renamedFile: boolean;
  deletedFile: boolean;
  diff: string;
}

/** What `commit` changed against its first parent (everything, for a root commit), renames found. */
export async function commitChanges(gitDir: string, commit: string): Promise<FileChange[]> {
  const base = ['diff-tree', '-r', '-M', '--root', '--no-commit-id'];
  const raw = (await gitText(gitDir, [...base, '--raw', '-z', commit])) ?? '';
  const patch = (await gitText(gitDir, [...base, '-p', '--no-color', commit])) ?? '';
  const diffs = patch
    .split(/^diff --git .*$/m)
    .slice(1)
    .map((chunk) => {
      const at = chunk.indexOf('\n@@');
      return at < 0 ? '' : chunk.slice(at + 1);
    });
  const parts = raw.split('\x00');
  const changes: FileChange[] = [];
  for (let i = 0; i < parts.length;) {
    const meta = parts[i] ?? '';
    if (!meta.startsWith(':')) {
      i += 1;
      continue;
    }
    const [aMode = '', bMode = '', , , status = ''] = meta.slice(1).split(' ');
    const renamed = status.startsWith('R') || status.startsWith('C');
    const oldPath = parts[i + 1] ?? '';
    const newPath = renamed ? (parts[i + 2] ?? '') : oldPath;
    i += renamed ? 3 : 2;
    changes.push({
      oldPath,
      newPath,
      aMode,
      bMode,
      newFile: status === 'A',
      renamedFile: status.startsWith('R'),
      deletedFile: status === 'D',
      diff: diffs[changes.length] ?? '',
    });
  }
  return changes;
}
