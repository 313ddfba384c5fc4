import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom has no EventSource. This stand-in is driven by the test: it records each one opened
 * (URL and all) and lets the test deliver named events, drop the connection (EventSource then
 * reconnects by itself: CONNECTING) or refuse it (a non-2xx answer: CLOSED, no reconnect).
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  closed = false;

  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.opened.at(-1);
    if (!latest) throw new Error('no EventSource was opened');
    return latest;
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  /** One `event: <name>` with its `data:` line (an object is sent as JSON). */
  emit(name: string, data: unknown): void {
    if (this.readyState !== FakeEventSource.OPEN) this.open();
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.dispatchEvent(new MessageEvent(name, { data: text }));
  }

  /** The connection dropped: the browser will reconnect on its own. */
  drop(): void {
    this.readyState = FakeEventSource.CONNECTING;
    this.dispatchEvent(new Event('error'));
  }

  /** The server refused the stream (e.g. 403): the browser gives up. */
  refuse(): void {
    this.readyState = FakeEventSource.CLOSED;
    this.dispatchEvent(new Event('error'));
  }

  close(): void {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
}

/** Installs the stand-in as the page's EventSource for each test of the calling file. */
export function installFakeEventSource(): void {
  let original: unknown;
  beforeEach(() => {
    FakeEventSource.opened = [];
    original = (globalThis as { EventSource?: unknown }).EventSource;
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    for (const source of FakeEventSource.opened) source.close();
    (globalThis as { EventSource?: unknown }).EventSource = original;
  });
}
