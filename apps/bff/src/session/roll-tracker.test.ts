import { describe, expect, it } from 'vitest';
import { RollTracker } from './roll-tracker';

function trackerAt(start: number, intervalMs = 1_000, maxEntries = 3) {
  const clock = { now: start };
  return { clock, tracker: new RollTracker(intervalMs, maxEntries, () => clock.now) };
}

describe('RollTracker', () => {
  it('when a session was never rolled here, then it is not fresh', () => {
    const { tracker } = trackerAt(0);
    expect(tracker.isFresh('a')).toBe(false);
  });

  it('when a session rolled within the interval, then it is fresh until the interval has passed', () => {
    const { clock, tracker } = trackerAt(10_000);
    tracker.rolled('a');
    clock.now += 999;
    expect(tracker.isFresh('a')).toBe(true);
    clock.now += 1;
    expect(tracker.isFresh('a')).toBe(false);
  });

  it('when more sessions roll than it may hold, then stale ones go first, then the oldest', () => {
    const { clock, tracker } = trackerAt(0);
    tracker.rolled('stale');
    clock.now += 2_000;
    tracker.rolled('b');
    tracker.rolled('c');
    tracker.rolled('d');
    expect(tracker.size).toBe(3);
    expect(['b', 'c', 'd'].map((id) => tracker.isFresh(id))).toEqual([true, true, true]);
    tracker.rolled('e');
    expect(tracker.size).toBe(3);
    expect(tracker.isFresh('b')).toBe(false);
    expect(['c', 'd', 'e'].map((id) => tracker.isFresh(id))).toEqual([true, true, true]);
  });
});
