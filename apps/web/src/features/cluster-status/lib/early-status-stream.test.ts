import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource, installFakeEventSource } from '../../../testing/fake-event-source';
import {
  EARLY_STATUS_STREAM_MAX_AGE_MS,
  hasEarlyStatusStream,
  openEarlyStatusStream,
  takeEarlyStatusStream,
} from './early-status-stream';

installFakeEventSource();

const URL = '/console/api/console/cluster-status/stream';
const EVENTS = ['snapshot', 'cluster', 'watch'];

/** Opens the early stream behind a list answer of `status`; resolves once it has settled. */
async function openBehind(status: number | 'network-error'): Promise<void> {
  const answer =
    status === 'network-error'
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(new Response(null, { status }));
  openEarlyStatusStream(answer, URL, EVENTS);
  await answer.catch(() => undefined);
  await Promise.resolve();
}

/** What a taker's listeners receive, in order: `type:data`. */
function listen(source: NonNullable<ReturnType<typeof takeEarlyStatusStream>>): string[] {
  const received: string[] = [];
  for (const type of [...EVENTS, 'open', 'error']) {
    source.addEventListener(type, (event) => {
      received.push(event instanceof MessageEvent ? `${type}:${String(event.data)}` : type);
    });
  }
  return received;
}

afterEach(() => {
  takeEarlyStatusStream()?.close();
  vi.useRealTimers();
});

describe('the list’s early status stream', () => {
  it('when the list answers 2xx, then the stream opens at the console’s path', async () => {
    await openBehind(200);
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual([URL]);
    expect(hasEarlyStatusStream()).toBe(true);
  });

  it.each([401, 502, 'network-error'] as const)(
    'when the list’s answer is %s, then nothing opens',
    async (status) => {
      await openBehind(status);
      expect(FakeEventSource.opened).toHaveLength(0);
      expect(hasEarlyStatusStream()).toBe(false);
      expect(takeEarlyStatusStream()).toBeUndefined();
    },
  );

  it('when events came before it was taken, then the taker gets them in order, then the later ones', async () => {
    await openBehind(200);
    const source = FakeEventSource.latest();
    source.emit('snapshot', 'first');
    source.emit('watch', 'second');
    source.emit('cluster', 'third');
    const taken = takeEarlyStatusStream();
    if (!taken) throw new Error('the early stream was not there to take');
    const received = listen(taken);
    // Kept events arrive after the taker has added all of its listeners, not while it adds them.
    expect(received).toEqual([]);
    await Promise.resolve();
    source.emit('cluster', 'fourth');
    expect(received).toEqual([
      'open',
      'snapshot:first',
      'watch:second',
      'cluster:third',
      'cluster:fourth',
    ]);
  });

  it('when it is taken, then it is given once and reports and closes the real connection', async () => {
    await openBehind(200);
    const taken = takeEarlyStatusStream();
    expect(takeEarlyStatusStream()).toBeUndefined();
    expect(hasEarlyStatusStream()).toBe(false);
    const source = FakeEventSource.latest();
    source.open();
    expect(taken?.readyState).toBe(FakeEventSource.OPEN);
    taken?.close();
    expect(source.closed).toBe(true);
  });

  it('when the server refused it before it was taken, then the taker sees the error on a closed stream', async () => {
    await openBehind(200);
    FakeEventSource.latest().refuse();
    const taken = takeEarlyStatusStream();
    if (!taken) throw new Error('the early stream was not there to take');
    const received = listen(taken);
    await Promise.resolve();
    expect(received).toEqual(['error']);
    expect(taken.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('when nobody takes it in time, then it is closed and there is nothing to take', async () => {
    vi.useFakeTimers();
    await openBehind(200);
    vi.advanceTimersByTime(EARLY_STATUS_STREAM_MAX_AGE_MS);
    expect(FakeEventSource.latest().closed).toBe(true);
    expect(takeEarlyStatusStream()).toBeUndefined();
  });
});
