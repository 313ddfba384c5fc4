import { describe, expect, it } from 'vitest';
import enBase from '../locales/en.json';
import enDetail from '../locales/en.detail.json';
import enHistory from '../locales/en.history.json';
import enSignIn from '../locales/en.sign-in.json';
import enWizard from '../locales/en.wizard.json';
import zhBase from '../locales/zh-CN.json';
import zhDetail from '../locales/zh-CN.detail.json';
import zhHistory from '../locales/zh-CN.history.json';
import zhSignIn from '../locales/zh-CN.sign-in.json';
import zhWizard from '../locales/zh-CN.wizard.json';
import { detectLanguage } from './i18n';

/** Keys with i18next's plural suffixes folded, so "x_one"/"x_other" and Chinese "x_other" compare equal. */
function keys(messages: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = `${prefix}${key.replace(/_(one|other|zero|two|few|many)$/, '')}`;
    if (value && typeof value === 'object')
      for (const inner of keys(value as Record<string, unknown>, `${path}.`)) out.add(inner);
    else out.add(path);
  }
  return out;
}

describe('translations', () => {
  it('when split into parts, then no key is in two parts of one language', () => {
    for (const parts of [
      [enBase, enSignIn, enDetail, enWizard, enHistory],
      [zhBase, zhSignIn, zhDetail, zhWizard, zhHistory],
    ]) {
      const topLevel = parts.flatMap((part) => Object.keys(part));
      expect(topLevel.filter((key, index) => topLevel.indexOf(key) !== index)).toEqual([]);
    }
  });

  it('when comparing English and Chinese, then every visible text exists in both', () => {
    const english = keys({ ...enBase, ...enSignIn, ...enDetail, ...enWizard, ...enHistory });
    const chinese = keys({ ...zhBase, ...zhSignIn, ...zhDetail, ...zhWizard, ...zhHistory });
    // "validation" is Chinese-only: in English the shared rules' own messages are shown.
    const missingInChinese = [...english].filter((key) => !chinese.has(key));
    const missingInEnglish = [...chinese].filter(
      (key) => !english.has(key) && !key.startsWith('validation.'),
    );
    expect(missingInChinese).toEqual([]);
    expect(missingInEnglish).toEqual([]);
  });

  it('when the browser prefers Chinese, then Chinese is chosen unless a choice was saved', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['fr', 'en-GB'])).toBe('en');
    expect(detectLanguage(null, ['fr'])).toBe('en');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('klingon', ['zh-CN'])).toBe('zh-CN');
  });
});
