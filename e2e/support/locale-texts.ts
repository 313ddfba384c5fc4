import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export type Language = 'en' | 'zh-CN';

const localeDir = path.join(repoRoot, 'apps', 'web', 'src', 'locales');

/** Every text part of one language, merged as the web merges them. */
function messagesOf(language: Language): Record<string, unknown> {
  const part = new RegExp(`^${language}(\\.[a-z-]+)?\\.json$`);
  return Object.assign(
    {},
    ...readdirSync(localeDir)
      .filter((file) => part.test(file))
      .map((file) => JSON.parse(readFileSync(path.join(localeDir, file), 'utf8')) as object),
  ) as Record<string, unknown>;
}

/**
 * A text as the web shows it in `language`, read from the web's own locale files: a journey that
 * runs in both languages finds its buttons by the same keys the page renders them with.
 */
export function localeTexts(language: Language) {
  const messages = messagesOf(language);
  return (key: string, values: Record<string, string | number> = {}): string => {
    const pluralKey =
      'count' in values
        ? `${key}_${values.count === 1 && language === 'en' ? 'one' : 'other'}`
        : key;
    const found = [pluralKey, key]
      .map((candidate) =>
        candidate
          .split('.')
          .reduce<unknown>(
            (node, part) =>
              node && typeof node === 'object'
                ? (node as Record<string, unknown>)[part]
                : undefined,
            messages,
          ),
      )
      .find((value): value is string => typeof value === 'string');
    if (found === undefined) throw new Error(`no ${language} text for ${key}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}
