import { describe, expect, it } from 'vitest';
import { nautesApiVersionFromText } from './api-version';

describe('nautesApiVersionFromText', () => {
  it.each([
    ['v0.4', 'v0.4'],
    ['0.4', 'v0.4'],
    ['v0.4.2', 'v0.4'],
    ['0.3.1-rc.1', 'v0.3'],
    [' v0.3 ', 'v0.3'],
    ['v0.5', undefined],
    ['1.0.0', undefined],
    ['v0.40', undefined],
    ['', undefined],
    [4, undefined],
    [undefined, undefined],
  ])('%j → %s', (text, expected) => {
    expect(nautesApiVersionFromText(text)).toBe(expected);
  });
});
