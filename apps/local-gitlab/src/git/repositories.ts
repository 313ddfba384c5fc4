import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../users/users-file.schema';
import { fileExists } from './file-exists';
import { PRE_RECEIVE_HOOK } from './pre-receive-hook';
import { runGit } from './run-git';

const AUTHOR = { name: 'Local GitLab', email: 'local-gitlab@local-gitlab.test' };

export function repositoriesRoot(dataDir: string): string {
  return path.join(dataDir, 'repositories');
}

export function repositoryPath(dataDir: string, project: Project): string {
  return path.join(repositoriesRoot(dataDir), `${project.path_with_namespace}.git`);
}

/** One commit holding `files`, written with plumbing so no work tree or global identity is needed. */
async function writeInitialCommit(gitDir: string, project: Project) {
  const indexFile = path.join(gitDir, 'initial-index');
  const env = { GIT_DIR: gitDir, GIT_INDEX_FILE: indexFile };
  for (const [file, content] of Object.entries(project.initial_files).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const blob = await runGit(['hash-object', '-w', '--stdin'], { env, input: content });
    await runGit(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], { env });
  }
  const tree = await runGit(['write-tree'], { env });
  const commit = await runGit(
    [
      '-c',
      `user.name=${AUTHOR.name}`,
      '-c',
      `user.email=${AUTHOR.email}`,
      'commit-tree',
      tree,
      '-m',
      'Initial commit',
    ],
    { env },
  );
  await runGit(['update-ref', `refs/heads/${project.default_branch}`, commit], { env });
  await rm(indexFile, { force: true });
}

/**
 * Makes sure the project's bare repository exists (created once, with its initial commit,
 * in a temporary directory then renamed into place so a crash never leaves half a repository)
 * and that its pre-receive hook is current.
 */
export async function ensureRepository(dataDir: string, project: Project): Promise<string> {
  const gitDir = repositoryPath(dataDir, project);
  if (!(await fileExists(path.join(gitDir, 'HEAD')))) {
    await mkdir(path.dirname(gitDir), { recursive: true });
    const tmp = await mkdtemp(`${gitDir}.tmp-`);
    try {
      await runGit([
        'init',
        '--quiet',
        '--bare',
        `--initial-branch=${project.default_branch}`,
        tmp,
      ]);
      await writeInitialCommit(tmp, project);
      await rename(tmp, gitDir);
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      if (!(await fileExists(path.join(gitDir, 'HEAD')))) throw error;
    }
  }
  const hook = path.join(gitDir, 'hooks', 'pre-receive');
  await mkdir(path.dirname(hook), { recursive: true });
  await writeFile(hook, PRE_RECEIVE_HOOK, { mode: 0o755 });
  await chmod(hook, 0o755);
  return gitDir;
}
