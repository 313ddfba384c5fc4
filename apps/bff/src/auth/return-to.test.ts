import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/clusters', '/clusters'],
    ['/clusters/cluster-host?tab=yaml#top', '/clusters/cluster-host?tab=yaml#top'],
    ['/clusters/./new', '/clusters/new'],
  ])('when returnTo is the local path %s, then it is kept as %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    [undefined],
    [['/a', '/b']],
    [''],
    ['clusters'],
    ['//evil.example'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['/clusters\\..\\x'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/.//evil.example'],
    ['/%0d%0aSet-Cookie:x'.replace('%0d%0a', '\r\n')],
    ['/\tevil'],
    ['/auth/login'],
    ['/auth/callback?code=x'],
    ['/auth'],
    [`/${'a'.repeat(3000)}`],
  ])('when returnTo is %j, then it becomes /', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
