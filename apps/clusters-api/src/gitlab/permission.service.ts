/**
 * Who the caller is and what they may do on the tenant project, as the contract's
 * "Permission" section says: GitLab's REST API asked with the caller's own token.
 * Answers are cached per token (keyed by a hash, never the token itself) for a few seconds,
 * and concurrent requests with one token share one round of calls.
 */
import { createHash } from 'node:crypto';
import {
  AccessLevel,
  accessLevelName,
  clusterReadRefusal,
  notMemberMessage,
  tenantAccessLevel,
} from '@cluster-console/shared';
import { noAuthorization, unauthenticated, ApiError } from '../http/api-error';
import type { GitLabClient } from './gitlab.client';

export interface Caller {
  username: string;
  name: string;
  email: string;
  /** The caller's level on the tenant project (0 when not a member). */
  accessLevel: number;
  /** The lowest level allowed to push to `main` (Infinity: nobody). */
  pushLevel: number;
}

export type Need = 'read' | 'write';

export const MAX_PERMISSION_CACHE_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface CacheEntry {
  expiresAt: number;
  caller: Promise<Caller>;
}

export interface PermissionServiceOptions {
  client: GitLabClient;
  project: string;
  /** Used for a fallback commit e-mail when GitLab has none for the user. */
  gitlabHost: string;
  cacheMs: number;
  now?: () => number;
}

export class PermissionService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PermissionServiceOptions) {
    this.cacheMs = Math.min(Math.max(options.cacheMs, 0), MAX_PERMISSION_CACHE_MS);
    this.now = options.now ?? Date.now;
  }

  /** Resolves to the caller when allowed; throws 401, 403 or 503 (as ApiError) otherwise. */
  async authorize(token: string, need: Need): Promise<Caller> {
    const caller = await this.lookup(token);
    const project = this.options.project;
    if (caller.accessLevel === AccessLevel.NONE) {
      throw noAuthorization(notMemberMessage(caller.username, project));
    }
    // The one rule for reading (shared with the console's history and status routes).
    const refusal = need === 'read' ? clusterReadRefusal(caller, project) : undefined;
    if (refusal) throw noAuthorization(refusal);
    if (need === 'write' && caller.accessLevel < caller.pushLevel) {
      const allowed = Number.isFinite(caller.pushLevel)
        ? `${accessLevelName(caller.pushLevel)} or higher`
        : 'nobody';
      throw noAuthorization(
        `Saving or deleting a cluster needs permission to push to main of ${project} (allowed: ${allowed}); you (${caller.username}) are ${accessLevelName(caller.accessLevel)}. Ask a maintainer.`,
      );
    }
    return caller;
  }

  private lookup(token: string): Promise<Caller> {
    const key = createHash('sha256').update(token).digest('hex');
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return cached.caller;
    this.evict(now);
    const entry: CacheEntry = {
      expiresAt: Number.POSITIVE_INFINITY,
      caller: this.fetchCaller(token),
    };
    this.cache.set(key, entry);
    entry.caller.then(
      () => {
        entry.expiresAt = this.now() + this.cacheMs;
      },
      (error: unknown) => {
        // A definite "bad token" may be reused briefly; an outage must not be.
        const definite = error instanceof ApiError && error.status === 401;
        if (definite) entry.expiresAt = this.now() + this.cacheMs;
        else if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    return entry.caller;
  }

  private evict(now: number): void {
    if (this.cache.size < MAX_ENTRIES) return;
    for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(key);
    for (const key of this.cache.keys()) {
      if (this.cache.size < MAX_ENTRIES) break;
      this.cache.delete(key);
    }
  }

  private async fetchCaller(token: string): Promise<Caller> {
    const { client, project } = this.options;
    // All three at once: one round trip. The branch answer only counts for members.
    const [user, projectAnswer, branch] = await Promise.all([
      client.currentUser(token),
      client.project(project, token),
      client.protectedBranch(project, 'main', token),
    ]);
    if (user.status === 401 || projectAnswer.status === 401) throw unauthenticated();
    if (user.status !== 200) {
      throw noAuthorization(
        'GitLab refused to identify you with this token: it needs the api (or read_user) scope.',
      );
    }
    if (projectAnswer.status === 403) {
      throw noAuthorization(
        'GitLab refused to show the tenant project to this token: it needs the api (or read_api) scope.',
      );
    }
    let accessLevel: number = AccessLevel.NONE;
    if (projectAnswer.status === 200)
      accessLevel = tenantAccessLevel(projectAnswer.body.permissions);
    let pushLevel: number;
    if (branch.status === 404) {
      pushLevel = AccessLevel.DEVELOPER; // main not protected: developers and above may push
    } else if (branch.status === 200) {
      // Level 0 means "No one"; an empty list therefore also means nobody may push.
      const levels = branch.body.push_access_levels
        .map((entry) => entry.access_level ?? 0)
        .filter((level) => level > 0);
      pushLevel = levels.length > 0 ? Math.min(...levels) : Number.POSITIVE_INFINITY;
    } else {
      // The caller may not read the branch's protection: assume GitLab's default (Maintainers).
      pushLevel = AccessLevel.MAINTAINER;
    }
    const username = user.body.username;
    return {
      username,
      name: user.body.name?.trim() || username,
      email: user.body.email?.trim() || `${username}@noreply.${this.options.gitlabHost}`,
      accessLevel,
      pushLevel,
    };
  }
}
