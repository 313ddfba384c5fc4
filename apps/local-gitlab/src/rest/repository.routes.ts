import type { Request, Response, Router } from 'express';
import { repositoryPath } from '../git/repositories';
import type { Project } from '../users/users-file.schema';
import { GITLAB_MESSAGES, sendGitlabError } from './gitlab-error';
import { paginate } from './pagination';
import {
  commitChanges,
  listCommitIds,
  readBlob,
  readCommits,
  resolveCommit,
  type CommitRecord,
} from './repository-git';

export type VisibleProject = (
  req: Request<{ id: string }>,
  res: Response,
) => Promise<{ project: Project; accessLevel: number } | undefined>;

export interface RepositoryRoutesDeps {
  visibleProject: VisibleProject;
  dataDir: string;
  baseUrl: string;
}

/** GitLab's timestamp form: `2026-12-02T14:36:16.000+00:00`. */
function gitlabTime(iso: string): string {
  return iso.replace(/(Z|[+-]\d\d:\d\d)$/, '.000$1');
}

function commitJson(commit: CommitRecord, project: Project, baseUrl: string) {
  const title = commit.message.split('\n')[0] ?? '';
  return {
    id: commit.id,
    short_id: commit.id.slice(0, 8),
    created_at: gitlabTime(commit.committedDate),
    parent_ids: commit.parentIds,
    title,
    message: commit.message,
    author_name: commit.authorName,
    author_email: commit.authorEmail,
    authored_date: gitlabTime(commit.authoredDate),
    committer_name: commit.committerName,
    committer_email: commit.committerEmail,
    committed_date: gitlabTime(commit.committedDate),
    trailers: {},
    extended_trailers: {},
    web_url: `${baseUrl}/${project.path_with_namespace}/-/commit/${commit.id}`,
  };
}

function validTime(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

/**
 * The repository endpoints a history view reads, as GitLab documents them: the commit list
 * (`ref_name`, `path`, `since`, `until`, paginated), a file's raw content at a ref, and a
 * commit's diff. Reading code of a private project needs Reporter (GitLab answers 403 below).
 */
export function addRepositoryRoutes(router: Router, deps: RepositoryRoutesDeps): void {
  const { visibleProject, dataDir, baseUrl } = deps;

  async function readableProject(req: Request<{ id: string }>, res: Response) {
    const found = await visibleProject(req, res);
    if (!found) return undefined;
    if (found.project.visibility === 'private' && found.accessLevel < 20) {
      sendGitlabError(res, 403, GITLAB_MESSAGES.forbidden, 'NO_AUTHORIZATION');
      return undefined;
    }
    return { ...found, gitDir: repositoryPath(dataDir, found.project) };
  }

  router.get('/projects/:id/repository/commits', async (req, res) => {
    const found = await readableProject(req, res);
    if (!found) return;
    const since = validTime(req.query.since);
    const until = validTime(req.query.until);
    if (since === null || until === null) {
      res.status(400).json({ error: since === null ? 'since is invalid' : 'until is invalid' });
      return;
    }
    const refName =
      typeof req.query.ref_name === 'string' && req.query.ref_name
        ? req.query.ref_name
        : found.project.default_branch;
    const path = typeof req.query.path === 'string' && req.query.path ? req.query.path : undefined;
    const commit = await resolveCommit(found.gitDir, refName);
    // GitLab answers an unknown ref with an empty list.
    const ids = commit ? await listCommitIds(found.gitDir, commit, { since, until, path }) : [];
    const pageIds = paginate(req, res, baseUrl, ids);
    const commits = await readCommits(found.gitDir, pageIds);
    res.json(commits.map((record) => commitJson(record, found.project, baseUrl)));
  });

  router.get('/projects/:id/repository/commits/:sha/diff', async (req, res) => {
    const found = await readableProject(req, res);
    if (!found) return;
    const commit = await resolveCommit(found.gitDir, req.params.sha);
    if (!commit) return sendGitlabError(res, 404, '404 Commit Not Found', 'RESOURCE_NOT_FOUND');
    const changes = await commitChanges(found.gitDir, commit);
    res.json(
      paginate(req, res, baseUrl, changes).map((change) => ({
        diff: change.diff,
        new_path: change.newPath,
        old_path: change.oldPath,
        a_mode: change.aMode,
        b_mode: change.bMode,
        new_file: change.newFile,
        renamed_file: change.renamedFile,
        deleted_file: change.deletedFile,
        generated_file: false,
      })),
    );
  });

  router.get('/projects/:id/repository/files/:file_path/raw', async (req, res) => {
    const found = await readableProject(req, res);
    if (!found) return;
    const ref =
      typeof req.query.ref === 'string' && req.query.ref
        ? req.query.ref
        : found.project.default_branch;
    const commit = await resolveCommit(found.gitDir, ref);
    if (!commit) return sendGitlabError(res, 404, '404 Commit Not Found', 'RESOURCE_NOT_FOUND');
    const filePath = req.params.file_path;
    const blob = filePath.startsWith('-')
      ? undefined
      : await readBlob(found.gitDir, commit, filePath);
    if (!blob) return sendGitlabError(res, 404, '404 File Not Found', 'RESOURCE_NOT_FOUND');
    res
      .type('text/plain; charset=utf-8')
      .set('X-Gitlab-File-Path', filePath)
      .set('X-Gitlab-Ref', ref)
      .set('X-Gitlab-Commit-Id', commit)
      .send(blob);
  });
}
