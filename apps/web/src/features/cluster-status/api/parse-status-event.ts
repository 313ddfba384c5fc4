import {
  digestsFromColumns,
  STATUS_STREAM_EVENTS,
  type StatusSnapshot,
  type StatusStreamEventName,
} from '@cluster-console/shared';
import type { StatusEvent } from '../lib/status-store';

export const STATUS_EVENT_NAMES = Object.keys(STATUS_STREAM_EVENTS) as StatusStreamEventName[];

/**
 * One `event: <name>` of the stream with its JSON `data:` line, checked against the shared
 * contract (a snapshot's digest columns turned back into digests). Null for data that is not
 * JSON or not what the contract says: the event is dropped (the next snapshot, after a
 * reconnect, puts the page right) instead of breaking the page.
 */
export function parseStatusEvent(name: StatusStreamEventName, data: string): StatusEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const schema = STATUS_STREAM_EVENTS[name];
  const parsed = schema.safeParse(json);
  if (!parsed.success) return null;
  if (name === 'snapshot') {
    // The snapshot's digests come as columns: the store keeps them as digests.
    const snapshot = parsed.data as StatusSnapshot;
    return {
      type: 'snapshot',
      data: { ...snapshot, clusters: digestsFromColumns(snapshot.clusters) },
    };
  }
  // The schema for `name` parsed it, so its data is that event's.
  return { type: name, data: parsed.data } as StatusEvent;
}
