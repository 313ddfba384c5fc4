/**
 * The three GitLab REST calls the permission check needs, made with the caller's token.
 * Short timeout: GitLab being slow or down is a 503 for our caller, not a hanging request.
 */
import type { z } from 'zod';
import { upstreamUnavailable } from '../http/api-error';
import {
  GitLabProjectSchema,
  GitLabProtectedBranchSchema,
  GitLabUserSchema,
} from './gitlab.schema';

export type GitLabAnswer<T> = { status: 200; body: T } | { status: 401 | 403 | 404 };

export interface GitLabClientOptions {
  baseUrl: string;
  timeoutMs: number;
}

export class GitLabClient {
  constructor(private readonly options: GitLabClientOptions) {}

  currentUser(token: string) {
    return this.get('/api/v4/user', token, GitLabUserSchema);
  }

  project(project: string, token: string) {
    return this.get(`/api/v4/projects/${encodeURIComponent(project)}`, token, GitLabProjectSchema);
  }

  protectedBranch(project: string, branch: string, token: string) {
    return this.get(
      `/api/v4/projects/${encodeURIComponent(project)}/protected_branches/${encodeURIComponent(branch)}`,
      token,
      GitLabProtectedBranchSchema,
    );
  }

  private async get<S extends z.ZodType>(
    path: string,
    token: string,
    schema: S,
  ): Promise<GitLabAnswer<z.infer<S>>> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      });
    } catch {
      throw upstreamUnavailable(
        'GitLab cannot be reached to check your permissions. Try again later.',
      );
    }
    const { status } = response;
    if (status === 401 || status === 403 || status === 404) {
      await response.body?.cancel();
      return { status };
    }
    if (status !== 200) {
      await response.body?.cancel();
      throw upstreamUnavailable(
        `GitLab answered ${status} while checking your permissions. Try again later.`,
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw upstreamUnavailable(
        'GitLab sent an unreadable answer while checking your permissions. Try again later.',
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw upstreamUnavailable(
        'GitLab sent an unexpected answer while checking your permissions. Try again later.',
      );
    }
    return { status: 200, body: parsed.data };
  }
}
