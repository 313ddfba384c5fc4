import { z } from 'zod';
import { readBounded, type PageLimits } from './history-limits';

export const GitLabCommitSchema = z.object({
  id: z.string(),
  short_id: z.string(),
  title: z.string(),
  author_name: z.string(),
  authored_date: z.string(),
  parent_ids: z.array(z.string()),
  web_url: z.string(),
});
export type GitLabCommit = z.infer<typeof GitLabCommitSchema>;

const GitLabDiffSchema = z.object({
  old_path: z.string(),
  new_path: z.string(),
  deleted_file: z.boolean(),
});
export type GitLabDiff = z.infer<typeof GitLabDiffSchema>;

/** GitLab answered, but not with success (status and GitLab's own message). */
export class GitLabApiError extends Error {
  override name = 'GitLabApiError';
  constructor(
    readonly status: number,
    readonly gitlabMessage: string,
  ) {
    super(`GitLab answered ${status}: ${gitlabMessage}`);
  }
}

/** GitLab did not answer (refused, timed out, or answered something unreadable). */
export class GitLabUnreachableError extends Error {
  override name = 'GitLabUnreachableError';
}

export interface RepositoryClientOptions {
  gitlabUrl: string;
  project: string;
  timeoutMs: number;
}

/** GitLab's error bodies are short: more is not read. */
const MAX_ERROR_BYTES = 16 * 1024;

/**
 * GitLab's REST repository reads with the signed-in user's token. The token is sent only to
 * GitLab and never logged. Every request runs under the page's limits: its deadline and
 * cancellation (the page's signal) and its byte caps.
 */
export class GitLabRepositoryClient {
  constructor(
    private readonly options: RepositoryClientOptions,
    private readonly token: string,
    private readonly limits: PageLimits,
  ) {}

  /** Each answer's own abort: a body cut at a cap closes its connection, never reused. */
  private readonly aborts = new WeakMap<Response, AbortController>();

  /** An answer's body as text, within the caps; cut short, its connection is closed. */
  private async text(response: Response, maxBytes?: number): Promise<string> {
    try {
      return await readBounded(response, this.limits, maxBytes);
    } catch (error) {
      this.aborts.get(response)?.abort();
      throw error;
    }
  }

  private url(path: string, query: Record<string, string | number>): URL {
    const url = new URL(
      `/api/v4/projects/${encodeURIComponent(this.options.project)}${path}`,
      this.options.gitlabUrl,
    );
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url;
  }

  private async get(url: URL): Promise<Response> {
    const { limits } = this;
    limits.throwIfEnded();
    limits.requests += 1;
    let response: Response;
    const own = new AbortController();
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.any([
          limits.signal,
          own.signal,
          AbortSignal.timeout(this.options.timeoutMs),
        ]),
      });
    } catch (error) {
      limits.throwIfEnded();
      throw new GitLabUnreachableError(error instanceof Error ? error.message : String(error));
    }
    this.aborts.set(response, own);
    if (response.ok) return response;
    const text = await this.text(response, MAX_ERROR_BYTES).catch(() => '');
    let message = '';
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown };
      const said = body.message ?? body.error;
      message = typeof said === 'string' ? said : '';
    } catch {
      message = '';
    }
    throw new GitLabApiError(response.status, message || response.statusText);
  }

  private async json<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    const text = await this.text(response);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new GitLabUnreachableError('GitLab answered an unexpected body');
    return parsed.data;
  }

  /** One page of the commits touching `path` on `ref`, newest first, and the next page's number. */
  async commits(query: {
    ref: string;
    path: string;
    page: number;
    perPage: number;
  }): Promise<{ commits: GitLabCommit[]; nextPage: number | undefined }> {
    const response = await this.get(
      this.url('/repository/commits', {
        ref_name: query.ref,
        path: query.path,
        page: query.page,
        per_page: query.perPage,
      }),
    );
    const next = Number(response.headers.get('x-next-page') ?? '');
    const commits = await this.json(response, z.array(GitLabCommitSchema));
    return { commits, nextPage: Number.isSafeInteger(next) && next > 0 ? next : undefined };
  }

  /** The file's text at `ref`, or undefined when GitLab says the file is not there. */
  async rawFile(path: string, ref: string): Promise<string | undefined> {
    try {
      const response = await this.get(
        this.url(`/repository/files/${encodeURIComponent(path)}/raw`, { ref }),
      );
      return await this.text(response);
    } catch (error) {
      if (error instanceof GitLabApiError && error.gitlabMessage === '404 File Not Found') {
        return undefined;
      }
      throw error;
    }
  }

  /** Every file a commit changed (all pages). */
  async commitDiff(sha: string): Promise<GitLabDiff[]> {
    const diffs: GitLabDiff[] = [];
    for (let page = 1; page <= 50; page += 1) {
      const response = await this.get(
        this.url(`/repository/commits/${encodeURIComponent(sha)}/diff`, { page, per_page: 100 }),
      );
      const next = Number(response.headers.get('x-next-page') ?? '');
      diffs.push(...(await this.json(response, z.array(GitLabDiffSchema))));
      if (!(Number.isSafeInteger(next) && next > page)) break;
    }
    return diffs;
  }
}
