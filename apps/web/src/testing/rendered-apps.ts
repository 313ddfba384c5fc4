import type { QueryClient } from '@tanstack/react-query';
import { statusStreamOf } from '../features/cluster-status/lib/status-stream';

/** The query clients of the apps renderApp rendered since the last stopRenderedApps(). */
export const rendered = new Set<QueryClient>();

/**
 * Stops what an app rendered by a test keeps running once it is unmounted: its live-status
 * stream (kept for a tab's life), whose reconnect timer would otherwise open an EventSource
 * during a later test of the same worker (files share one: `isolate: false`), which then
 * counted two streams or sent its events to the wrong one. Called after each test
 * (setup-tests.ts).
 */
export function stopRenderedApps(): void {
  for (const queryClient of rendered) statusStreamOf(queryClient).stop();
  rendered.clear();
}
