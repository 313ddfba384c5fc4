import type {
  ArgoClusterEntry,
  ArgoView,
  ResourceDigest,
  WatchHealth,
} from '@cluster-console/shared';

/**
 * How this tab's live-status stream stands. `idle`: not started (or its texts are still
 * loading); `not-configured`: the console has no live status (no route, or no management
 * cluster); `forbidden`: this user may not read it.
 */
export type StreamConnection =
  'idle' | 'connecting' | 'live' | 'reconnecting' | 'not-configured' | 'forbidden';

export interface StatusStreamState {
  connection: StreamConnection;
  /** The BFF's watch of the management cluster, as its last snapshot or watch event said. */
  watch: WatchHealth | null;
  argo: ArgoView | null;
  /** The Argo CD entries by file name (one lookup per row instead of a search of the list). */
  argoByName: ReadonlyMap<string, ArgoClusterEntry>;
  /** Each Cluster resource's digest by name: what its status needs (the detail page asks more). */
  digests: ReadonlyMap<string, ResourceDigest>;
  /** The server's clock minus this browser's (ms): "now" for the status is the server's now. */
  clockOffsetMs: number;
}

/** One event of the stream, already parsed with the shared schemas (see parse-status-event.ts). */
export type StatusEvent =
  | {
      type: 'snapshot';
      data: {
        server_time: string;
        watch: WatchHealth;
        argo: ArgoView | null;
        clusters: ResourceDigest[];
      };
    }
  | { type: 'cluster'; data: { name: string; digest: ResourceDigest | null } }
  | { type: 'argo'; data: ArgoView | null }
  | { type: 'watch'; data: WatchHealth }
  | { type: 'heartbeat'; data: { server_time: string } };

const NO_ARGO = new Map<string, ArgoClusterEntry>();
const NO_DIGESTS = new Map<string, ResourceDigest>();

export const INITIAL_STATUS_STATE: StatusStreamState = {
  connection: 'idle',
  watch: null,
  argo: null,
  argoByName: NO_ARGO,
  digests: NO_DIGESTS,
  clockOffsetMs: 0,
};

function argoIndex(argo: ArgoView | null): ReadonlyMap<string, ArgoClusterEntry> {
  if (!argo) return NO_ARGO;
  return new Map(argo.clusters.map((entry) => [entry.name, entry]));
}

function offsetFrom(serverTime: string, receivedAt: number, previous: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - receivedAt : previous;
}

/**
 * The next state after one event, received at `receivedAt` (this browser's clock). Pure: the
 * store and its tests share it. A snapshot replaces everything it carries; the other events
 * change one part, in the order they came.
 */
export function applyStatusEvent(
  state: StatusStreamState,
  event: StatusEvent,
  receivedAt: number,
): StatusStreamState {
  switch (event.type) {
    case 'snapshot':
      return {
        connection: 'live',
        watch: event.data.watch,
        argo: event.data.argo,
        argoByName: argoIndex(event.data.argo),
        digests: new Map(event.data.clusters.map((digest) => [digest.name, digest])),
        clockOffsetMs: offsetFrom(event.data.server_time, receivedAt, state.clockOffsetMs),
      };
    case 'cluster': {
      const digests = new Map(state.digests);
      if (event.data.digest) digests.set(event.data.name, event.data.digest);
      else digests.delete(event.data.name);
      return { ...state, digests };
    }
    case 'argo':
      return { ...state, argo: event.data, argoByName: argoIndex(event.data) };
    case 'watch':
      return { ...state, watch: event.data };
    case 'heartbeat':
      return {
        ...state,
        clockOffsetMs: offsetFrom(event.data.server_time, receivedAt, state.clockOffsetMs),
      };
  }
}

/** The tab's one copy of the live status; components read it with useSyncExternalStore. */
export class StatusStore {
  private state: StatusStreamState = INITIAL_STATUS_STATE;
  private readonly listeners = new Set<() => void>();

  getState = (): StatusStreamState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(event: StatusEvent, receivedAt = Date.now()): void {
    this.set(applyStatusEvent(this.state, event, receivedAt));
  }

  setConnection(connection: StreamConnection): void {
    if (this.state.connection === connection) return;
    this.set({ ...this.state, connection });
  }

  private set(next: StatusStreamState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
