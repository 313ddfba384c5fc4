import { deriveStatusFromDigest, type ClusterStatus } from '@cluster-console/shared';
import type { StatusStreamState } from './status-store';

/**
 * Whether statuses can be shown: `waiting` before the first snapshot, `not-configured` when the
 * console has no live status (no route, or no management cluster set), `forbidden` for a user
 * who may not read it.
 */
export type StatusAvailability = 'waiting' | 'not-configured' | 'forbidden' | 'available';

export function statusAvailability(state: StatusStreamState): StatusAvailability {
  if (state.connection === 'forbidden') return 'forbidden';
  if (state.connection === 'not-configured' || state.watch?.state === 'not-configured') {
    return 'not-configured';
  }
  return state.watch ? 'available' : 'waiting';
}

export interface GitSide {
  /** The cluster's file is in the tenant repository. */
  inGit: boolean;
  /** When it was saved, if this page knows (the page after Save does). */
  committedAt?: string | null;
}

/** One cluster's status from the stream's state, or null while none can be shown. */
export function statusOf(
  state: StatusStreamState,
  name: string,
  git: GitSide,
  now: number,
): ClusterStatus | null {
  if (statusAvailability(state) !== 'available' || !state.watch) return null;
  return deriveStatusFromDigest({
    inGit: git.inGit,
    committedAt: git.committedAt ?? null,
    digest: state.digests.get(name) ?? null,
    argo: state.argoByName.get(name) ?? null,
    watch: state.watch,
    now: new Date(now),
  });
}

function sameStatus(a: ClusterStatus, b: ClusterStatus): boolean {
  return (
    a.state === b.state &&
    a.specApplied === b.specApplied &&
    JSON.stringify(a.reason) === JSON.stringify(b.reason)
  );
}

export type StatusesByName = ReadonlyMap<string, ClusterStatus>;

/**
 * Every listed cluster's status, keeping the previous object for a status that did not change:
 * the table's rows are memoized, so one cluster's change re-renders its row, not every row in
 * view. Null while no status can be shown.
 */
export function createStatusDeriver() {
  let previous: Map<string, ClusterStatus> = new Map();
  return (
    names: readonly string[],
    state: StatusStreamState,
    now: number,
  ): StatusesByName | null => {
    if (statusAvailability(state) !== 'available') {
      previous = new Map();
      return null;
    }
    const next = new Map<string, ClusterStatus>();
    for (const name of names) {
      const status = statusOf(state, name, { inGit: true }, now);
      if (!status) continue;
      const before = previous.get(name);
      next.set(name, before && sameStatus(before, status) ? before : status);
    }
    previous = next;
    return next;
  };
}
