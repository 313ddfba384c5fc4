import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, withCredentials } from './helpers/git-cli';
import { startTestGitlab, type TestGitlab } from './helpers/local-gitlab';

// The repository endpoints (commits, a file's raw content, a commit's diff) over HTTP, against
// a real bare repository that a real git client pushed three commits to.
let gitlab: TestGitlab;
let work: string;
const shas: Record<'created' | 'updated' | 'deleted' | 'initial', string> = {
  created: '',
  updated: '',
  deleted: '',
  initial: '',
};

const DIR = 'nautes/overlays/production/clusters';
const FILE = `${DIR}/alpha.yaml`;
const MAINTAINER = { Authorization: 'Bearer glpat-local-maintainer' };

async function commitAs(dir: string, who: string, date: string, message: string) {
  const env = {
    GIT_AUTHOR_NAME: who,
    GIT_AUTHOR_EMAIL: `${who.toLowerCase()}@example.test`,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  expect((await git(['add', '-A'], dir, env)).code).toBe(0);
  expect((await git(['commit', '-q', '-m', message], dir, env)).code).toBe(0);
  return (await git(['rev-parse', 'HEAD'], dir)).stdout;
}

beforeAll(async () => {
  gitlab = await startTestGitlab();
  work = await mkdtemp(path.join(tmpdir(), 'local-gitlab-repo-api-'));
  const dir = path.join(work, 'clone');
  const url = withCredentials(
    `${gitlab.url}/nautes/tenant-config.git`,
    'oauth2',
    'glpat-local-maintainer',
  );
  expect((await git(['clone', '-q', url, dir], work)).code).toBe(0);
  shas.initial = (await git(['rev-parse', 'HEAD'], dir)).stdout;
  await mkdir(path.join(dir, DIR), { recursive: true });
  await writeFile(path.join(dir, FILE), 'spec:\n  usage: host\n');
  shas.created = await commitAs(dir, 'Alice', '2026-01-01T10:00:00Z', 'Save cluster alpha');
  await writeFile(path.join(dir, FILE), 'spec:\n  usage: worker\n');
  await writeFile(path.join(dir, DIR, 'beta.yaml'), 'spec: {}\n');
  shas.updated = await commitAs(dir, 'Bob', '2026-01-02T10:00:00Z', 'Save cluster alpha\n\nbody');
  await rm(path.join(dir, FILE));
  shas.deleted = await commitAs(dir, 'Alice', '2026-01-03T10:00:00Z', 'Delete cluster alpha');
  expect((await git(['push', '-q', 'origin', 'main'], dir)).code).toBe(0);
});
afterAll(async () => {
  await gitlab.stop();
  await rm(work, { recursive: true, force: true });
});

async function get(apiPath: string, headers: Record<string, string> = MAINTAINER) {
  const response = await fetch(`${gitlab.url}/api/v4${apiPath}`, { headers });
  const text = await response.text();
  const json = (): unknown => JSON.parse(text);
  return { status: response.status, headers: response.headers, text, json };
}

type Commit = Record<string, unknown>;
const commitsOf = (answer: { json(): unknown }) => answer.json() as Commit[];

describe('GET /projects/:id/repository/commits', () => {
  it('when filtered by a file path, then the commits touching it come newest first with GitLab fields', async () => {
    const answer = await get(
      `/projects/nautes%2Ftenant-config/repository/commits?ref_name=main&path=${encodeURIComponent(FILE)}`,
    );
    expect(answer.status).toBe(200);
    const commits = commitsOf(answer);
    expect(commits.map((commit) => commit.id)).toEqual([shas.deleted, shas.updated, shas.created]);
    expect(commits[1]).toEqual({
      id: shas.updated,
      short_id: shas.updated.slice(0, 8),
      created_at: '2026-01-02T10:00:00.000+00:00',
      parent_ids: [shas.created],
      title: 'Save cluster alpha',
      message: 'Save cluster alpha\n\nbody\n',
      author_name: 'Bob',
      author_email: 'bob@example.test',
      authored_date: '2026-01-02T10:00:00.000+00:00',
      committer_name: 'Test Author',
      committer_email: 'test@example.test',
      committed_date: '2026-01-02T10:00:00.000+00:00',
      trailers: {},
      extended_trailers: {},
      web_url: `${gitlab.url}/nautes/tenant-config/-/commit/${shas.updated}`,
    });
    expect(answer.headers.get('x-total')).toBe('3');
    expect(answer.headers.get('x-page')).toBe('1');
    expect(answer.headers.get('x-per-page')).toBe('20');
    expect(answer.headers.get('x-next-page')).toBe('');
    expect(answer.headers.get('x-prev-page')).toBe('');
  });

  it('when paged two at a time, then the headers and Link lead from page to page', async () => {
    const base = `/projects/1/repository/commits?path=${encodeURIComponent(FILE)}&per_page=2`;
    const first = await get(base);
    expect(commitsOf(first).map((commit) => commit.id)).toEqual([shas.deleted, shas.updated]);
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(first.headers.get('x-total-pages')).toBe('2');
    const link = first.headers.get('link') ?? '';
    expect(link).toContain('rel="next"');
    expect(link).toContain('rel="last"');
    expect(link).not.toContain('rel="prev"');
    const nextUrl = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? '';
    expect(new URL(nextUrl).searchParams.get('page')).toBe('2');
    const second = await get(nextUrl.slice(`${gitlab.url}/api/v4`.length));
    expect(commitsOf(second).map((commit) => commit.id)).toEqual([shas.created]);
    expect(second.headers.get('x-next-page')).toBe('');
    expect(second.headers.get('x-prev-page')).toBe('1');
    expect(second.headers.get('link')).toContain('rel="prev"');
  });

  it('when per_page is over 100 or page is past the end, then GitLab limits and answers an empty page', async () => {
    const big = await get('/projects/1/repository/commits?per_page=1000');
    expect(big.headers.get('x-per-page')).toBe('100');
    expect(commitsOf(big).map((commit) => commit.id)).toEqual([
      shas.deleted,
      shas.updated,
      shas.created,
      shas.initial,
    ]);
    const past = await get('/projects/1/repository/commits?page=9');
    expect(past.status).toBe(200);
    expect(commitsOf(past)).toEqual([]);
  });

  it('when filtered by a directory, since and until, then only those commits', async () => {
    const answer = await get(
      `/projects/1/repository/commits?path=${encodeURIComponent(DIR)}&since=2026-01-01T12:00:00Z&until=2026-01-02T12:00:00Z`,
    );
    expect(commitsOf(answer).map((commit) => commit.id)).toEqual([shas.updated]);
    const invalid = await get('/projects/1/repository/commits?since=yesterday-ish');
    expect(invalid.status).toBe(400);
  });

  it('when the ref does not exist, then an empty list (as GitLab)', async () => {
    const answer = await get('/projects/1/repository/commits?ref_name=no-such-branch');
    expect(answer.status).toBe(200);
    expect(commitsOf(answer)).toEqual([]);
  });
});

describe('GET /projects/:id/repository/files/:file_path/raw', () => {
  const raw = (ref: string, file = FILE, headers = MAINTAINER) =>
    get(
      `/projects/nautes%2Ftenant-config/repository/files/${encodeURIComponent(file)}/raw?ref=${ref}`,
      headers,
    );

  it('when the file exists at the commit, then its exact content', async () => {
    expect((await raw(shas.created)).text).toBe('spec:\n  usage: host\n');
    const updated = await raw(shas.updated);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(updated.text).toBe('spec:\n  usage: worker\n');
  });

  it('when the file is absent at the commit, then 404 File Not Found', async () => {
    const answer = await raw(shas.deleted);
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ message: '404 File Not Found' });
    expect((await raw('main', DIR)).status).toBe(404);
  });

  it('when the ref is unknown, then 404 Commit Not Found', async () => {
    const answer = await raw('0123456789abcdef0123456789abcdef01234567');
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ message: '404 Commit Not Found' });
    expect((await raw('--output=x')).status).toBe(404);
  });
});

describe('GET /projects/:id/repository/commits/:sha/diff', () => {
  it('when a commit deleted a file, then its diff says deleted_file', async () => {
    const answer = await get(`/projects/1/repository/commits/${shas.deleted}/diff`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([
      expect.objectContaining({
        old_path: FILE,
        new_path: FILE,
        deleted_file: true,
        new_file: false,
        renamed_file: false,
        diff: expect.stringMatching(/^@@ -1,2 \+0,0 @@\n-spec:\n- {2}usage: worker\n/) as string,
      }),
    ]);
  });

  it('when a commit added and changed files, then one entry each', async () => {
    const answer = await get(`/projects/1/repository/commits/${shas.updated}/diff`);
    const diffs = answer.json() as Commit[];
    expect(diffs.map((diff) => [diff.new_path, diff.new_file, diff.deleted_file])).toEqual([
      [FILE, false, false],
      [`${DIR}/beta.yaml`, true, false],
    ]);
    expect((await get('/projects/1/repository/commits/nope/diff')).status).toBe(404);
  });
});

describe('repository endpoints and permissions', () => {
  const paths = () => [
    '/projects/1/repository/commits',
    `/projects/1/repository/files/${encodeURIComponent(FILE)}/raw?ref=${shas.created}`,
    `/projects/1/repository/commits/${shas.created}/diff`,
  ];

  it('when a user is not a member of the private project, then 404 Project Not Found', async () => {
    for (const apiPath of paths()) {
      const answer = await get(apiPath, { Authorization: 'Bearer glpat-local-outsider' });
      expect(answer.status).toBe(404);
      expect(answer.json()).toMatchObject({ message: '404 Project Not Found' });
    }
  });

  it('when the token is unknown, then 401 Unauthorized; anonymous sees no private project', async () => {
    for (const apiPath of paths()) {
      const answer = await get(apiPath, { Authorization: 'Bearer glpat-not-a-token' });
      expect(answer.status).toBe(401);
      expect(answer.json()).toMatchObject({ message: '401 Unauthorized' });
      expect((await get(apiPath, {})).status).toBe(404);
    }
  });

  it('when a developer asks, then they read it too', async () => {
    const answer = await get(paths()[0] ?? '', { 'PRIVATE-TOKEN': 'glpat-local-developer' });
    expect(answer.status).toBe(200);
  });
});
