/**
 * The signed-in user's access level on the tenant project, asked of GitLab with the user's own
 * token (`GET /api/v4/projects/:project`, `permissions.project_access` / `group_access`), as the
 * clusters API asks it. Answers are cached per token (keyed by its SHA-256, never the token) for
 * a few seconds, and concurrent requests with one token share one lookup: a page that fires
 * several requests costs GitLab one.
 */
import { createHash } from 'node:crypto';
import { GitLabProjectPermissionsSchema, tenantAccessLevel } from '@cluster-console/shared';
import { z } from 'zod';

/** How long an answer is reused: a role removed at GitLab stops reading within this. */
export const TENANT_ACCESS_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

const ProjectAnswerSchema = z.object({ permissions: GitLabProjectPermissionsSchema });

/** What GitLab said about the user and the tenant project. */
export type TenantAccessAnswer =
  /** The project is visible to the user; `level` 0 when not a member (internal or public). */
  | { kind: 'level'; level: number }
  /** GitLab shows no such project to this user (not a member of a private project, or a typo). */
  | { kind: 'project_not_visible'; gitlabMessage: string }
  /** GitLab does not take the token (expired or revoked). */
  | { kind: 'token_refused' }
  /** The token lacks the `api` / `read_api` scope. */
  | { kind: 'scope_refused' };

/** GitLab did not answer in time, or answered something unreadable: never cached. */
export class TenantAccessUnavailableError extends Error {
  override name = 'TenantAccessUnavailableError';
}

export interface TenantAccessOptions {
  gitlabUrl: string;
  /** `TENANT_PROJECT`: a numeric id or a full path. */
  project: string;
  timeoutMs: number;
  cacheMs?: number;
  now?: () => number;
}

interface CacheEntry {
  expiresAt: number;
  answer: Promise<TenantAccessAnswer>;
}

export class TenantAccess {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TenantAccessOptions) {
    this.cacheMs = options.cacheMs ?? TENANT_ACCESS_CACHE_MS;
    this.now = options.now ?? Date.now;
  }

  get project(): string {
    return this.options.project;
  }

  /** What GitLab says about this token's user on the tenant project (cached, shared). */
  lookup(token: string): Promise<TenantAccessAnswer> {
    const key = createHash('sha256').update(token).digest('hex');
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return cached.answer;
    this.evict(now);
    const entry: CacheEntry = { expiresAt: Number.POSITIVE_INFINITY, answer: this.ask(token) };
    this.cache.set(key, entry);
    entry.answer.then(
      () => {
        entry.expiresAt = this.now() + this.cacheMs;
      },
      () => {
        // An outage must not be remembered: the next request asks again.
        if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    return entry.answer;
  }

  private evict(now: number): void {
    if (this.cache.size < MAX_ENTRIES) return;
    for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(key);
    for (const key of this.cache.keys()) {
      if (this.cache.size < MAX_ENTRIES) break;
      this.cache.delete(key);
    }
  }

  private async ask(token: string): Promise<TenantAccessAnswer> {
    const url = new URL(
      `/api/v4/projects/${encodeURIComponent(this.options.project)}`,
      this.options.gitlabUrl,
    );
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new TenantAccessUnavailableError(
        error instanceof Error ? error.message : String(error),
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 401) return { kind: 'token_refused' };
    if (response.status === 403) return { kind: 'scope_refused' };
    if (response.status === 404) {
      const said = (body as { message?: unknown } | undefined)?.message;
      return {
        kind: 'project_not_visible',
        gitlabMessage: typeof said === 'string' ? said.slice(0, 200) : '404 Not Found',
      };
    }
    const parsed = ProjectAnswerSchema.safeParse(body);
    if (response.status !== 200 || !parsed.success) {
      throw new TenantAccessUnavailableError(`GitLab answered ${response.status} for the project`);
    }
    return { kind: 'level', level: tenantAccessLevel(parsed.data.permissions) };
  }
}
