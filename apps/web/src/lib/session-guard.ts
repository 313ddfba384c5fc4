import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * Whether a page holds work a sign-in redirect would throw away (a wizard or edit form, the
 * delete dialog, the detail page), and whether the session has ended while it did. While any
 * page keeps work, a 401 does not navigate: the page stays mounted and says so (see
 * SessionEndedAlert). Nothing here is ever written to storage: the work stays in memory.
 */
export class SessionGuard {
  private keepers = 0;
  private endedNow = false;
  private signingOutNow = false;
  private readonly listeners = new Set<() => void>();

  get keeping(): boolean {
    return this.keepers > 0;
  }

  get ended(): boolean {
    return this.endedNow;
  }

  /**
   * The user asked to sign out and it is under way: the sign-out goes to its own page, and a
   * 401 that a call in flight (or the live-status stream's reconnect) gets meanwhile must not
   * send the browser through GitLab's sign-in instead, which would sign the user straight in.
   */
  get signingOut(): boolean {
    return this.signingOutNow;
  }

  /** Marks a sign-out under way; the returned function ends it (the sign-out failed). */
  beginSignOut(): () => void {
    this.signingOutNow = true;
    return () => {
      this.signingOutNow = false;
    };
  }

  /** Registers unsaved work; the returned function releases it. */
  keep(): () => void {
    this.keepers += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.keepers -= 1;
    };
  }

  markEnded(): void {
    if (this.endedNow) return;
    this.endedNow = true;
    this.emit();
  }

  clear(): void {
    if (!this.endedNow) return;
    this.endedNow = false;
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const guards = new WeakMap<QueryClient, SessionGuard>();

/** The guard of one query client (the one place that reacts to 401 consults it). */
export function sessionGuardOf(client: QueryClient): SessionGuard {
  let guard = guards.get(client);
  if (!guard) {
    guard = new SessionGuard();
    guards.set(client, guard);
  }
  return guard;
}

/** While `active`, a 401 keeps this page (and what the user typed) instead of redirecting. */
export function useKeepWorkOnSessionEnd(active: boolean): void {
  const guard = sessionGuardOf(useQueryClient());
  useEffect(() => (active ? guard.keep() : undefined), [guard, active]);
}

/** True once a call answered 401 while work was kept, until the user has signed in again. */
export function useSessionEnded(): boolean {
  const guard = sessionGuardOf(useQueryClient());
  return useSyncExternalStore(guard.subscribe, () => guard.ended);
}
