import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime } from './format-time';

const now = Date.parse('2026-12-02T15:00:00Z');

describe('commit times', () => {
  it.each([
    ['2026-12-02T14:59:30Z', 'en', '30 seconds ago'],
    ['2026-12-02T14:00:00Z', 'en', '1 hour ago'],
    ['2026-12-01T15:00:00Z', 'en', 'yesterday'],
    ['2026-11-02T15:00:00Z', 'en', 'last month'],
    ['2026-12-02T12:00:00Z', 'zh-CN', '3小时前'],
  ])('when the commit is at %s, then in %s it was "%s"', (iso, language, text) => {
    expect(relativeTime(iso, language, now)).toBe(text);
  });

  it('when the time is not a date, then it is shown as it came', () => {
    expect(relativeTime('soon', 'en', now)).toBe('soon');
    expect(absoluteTime('soon', 'en')).toBe('soon');
  });

  it('when shown exactly, then the date and time are in the language', () => {
    expect(absoluteTime('2026-12-02T15:00:00Z', 'en')).toMatch(/Dec 2, 2026/);
    expect(absoluteTime('2026-12-02T15:00:00Z', 'zh-CN')).toMatch(/2026年12月2日/);
  });
});
