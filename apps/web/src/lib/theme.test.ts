import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, chooseTheme, storedTheme, THEME_STORAGE_KEY } from './theme';

afterEach(() => {
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('theme', () => {
  it('when nothing was chosen, then the console follows the system (no data-theme)', () => {
    expect(storedTheme()).toBe('system');
    applyTheme(storedTheme());
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('when the user chooses dark, then it is applied and remembered for the next visit', () => {
    chooseTheme('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(storedTheme()).toBe('dark');
  });

  it('when the user goes back to system, then the choice is forgotten', () => {
    chooseTheme('light');
    chooseTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('when storage holds junk, then it is the system theme', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(storedTheme()).toBe('system');
  });
});
