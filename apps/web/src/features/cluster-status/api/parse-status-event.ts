import { STATUS_STREAM_EVENTS, type StatusStreamEventName } from '@cluster-console/shared';
import type { StatusEvent } from '../lib/status-store';

export const STATUS_EVENT_NAMES = Object.keys(STATUS_STREAM_EVENTS) as StatusStreamEventName[];

/**
 * One `event: <name>` of the stream with its JSON `data:` line, checked against the shared
 * contract. Null for data that is not JSON or not what the contract says: the event is dropped
 * (the next snapshot, after a reconnect, puts the page right) instead of breaking the page.
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
  // The schema for `name` parsed it, so its data is that event's.
  return { type: name, data: parsed.data } as StatusEvent;
}
