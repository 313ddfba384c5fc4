import { describe, expect, it } from 'vitest';
import { detectLanguage } from './i18n';

type Messages = Record<string, unknown>;
/** Every text part of every language, so a new part is compared without being listed here. */
const files = import.meta.glob<Messages>('../locales/*.json', { eager: true, import: 'default' });
function partsOf(language: 'en' | 'zh-CN'): Messages[] {
  return Object.entries(files)
    .filter(([file]) => new RegExp(`/${language}(\\.[a-z-]+)?\\.json$`).test(file))
    .map(([, messages]) => messages);
}
const enParts = partsOf('en');
const zhParts = partsOf('zh-CN');

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
    expect(enParts.length).toBeGreaterThanOrEqual(6);
    expect(zhParts.length).toBe(enParts.length);
    for (const parts of [enParts, zhParts]) {
      const topLevel = parts.flatMap((part) => Object.keys(part));
      expect(topLevel.filter((key, index) => topLevel.indexOf(key) !== index)).toEqual([]);
    }
  });

  it('when comparing English and Chinese, then every visible text exists in both', () => {
    const english = keys(Object.assign({}, ...enParts) as Messages);
    const chinese = keys(Object.assign({}, ...zhParts) as Messages);
    // "validation" is Chinese-only: in English the shared rules' own messages are shown. So is
    // "connectionCheck.texts": in English the contract's own table (CHECK_TEXTS_EN) is used.
    const missingInChinese = [...english].filter((key) => !chinese.has(key));
    const missingInEnglish = [...chinese].filter(
      (key) =>
        !english.has(key) &&
        !key.startsWith('validation.') &&
        !key.startsWith('connectionCheck.texts.'),
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
