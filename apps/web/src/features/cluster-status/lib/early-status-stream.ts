import type { EventSourceLike } from '../api/status-connection';

/**
 * The list's live-status stream, opened by the page's first script (src/early.ts) as soon as
 * the list's own early GET has answered: the snapshot then travels while the list's rows are
 * still being read and drawn, and the rows' first paint has its badges. Asked for only once
 * the rows were drawn, the badges came at 1.25x the first row; opened here, at 1.07x, the first
 * row itself unchanged (50 loads each, bench/cluster-status-browser.bench.ts).
 *
 * It waits for the list's answer on purpose. Opened at the page's start, beside the list's
 * request, it made the first row about 30 ms later on this machine: the snapshot was served
 * and read while the list was still being built. And a page whose list is refused (signed
 * out) opens nothing.
 *
 * Until the status code takes it (StatusStream, as the list first renders), its events are
 * kept in the order they came; one nobody takes in time is closed. Part of the page's first,
 * tiny script: it imports nothing at run time.
 */

/** A stream not taken by then is closed (the status code would open its own). */
export const EARLY_STATUS_STREAM_MAX_AGE_MS = 10_000;

interface EarlyStatusStream {
  source: EventSource;
  kept: Event[];
  keep: (event: Event) => void;
  types: readonly string[];
  expiry: ReturnType<typeof setTimeout>;
}

let early: EarlyStatusStream | undefined;

/** Opens the stream at `url` once `listAnswer` is a 2xx answer, keeping its `eventTypes`. */
export function openEarlyStatusStream(
  listAnswer: Promise<Response>,
  url: string,
  eventTypes: readonly string[],
): void {
  listAnswer.then(
    (response) => {
      if (response.ok) open(url, eventTypes);
    },
    // The list's own request reports its failure; the status code opens its stream later.
    () => undefined,
  );
}

function open(url: string, eventTypes: readonly string[]): void {
  if (early || typeof EventSource === 'undefined') return;
  const source = new EventSource(url);
  const kept: Event[] = [];
  const keep = (event: Event) => kept.push(event);
  const types = [...eventTypes, 'open', 'error'];
  for (const type of types) source.addEventListener(type, keep);
  const expiry = setTimeout(() => {
    if (early?.source !== source) return;
    early = undefined;
    source.close();
  }, EARLY_STATUS_STREAM_MAX_AGE_MS);
  early = { source, kept, keep, types, expiry };
}

/** The page's first script opened the stream and nobody has taken it yet. */
export function hasEarlyStatusStream(): boolean {
  return early !== undefined;
}

/**
 * The early stream, once (then undefined). The events it kept go, in the order they came, to
 * the listeners added in the same task as this call (connectStatusStream adds all of its own
 * at once), before any event that comes later.
 */
export function takeEarlyStatusStream(): EventSourceLike | undefined {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  const { source, kept, keep, types, expiry } = taken;
  clearTimeout(expiry);
  for (const type of types) source.removeEventListener(type, keep);
  const listeners: { type: string; listener: (event: Event) => void }[] = [];
  queueMicrotask(() => {
    for (const event of kept) {
      for (const added of listeners) if (added.type === event.type) added.listener(event);
    }
  });
  return {
    get readyState() {
      return source.readyState;
    },
    addEventListener(type, listener) {
      listeners.push({ type, listener });
      source.addEventListener(type, listener);
    },
    close: () => source.close(),
  };
}
