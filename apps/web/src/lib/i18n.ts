import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/** Only the chosen language is kept: a preference, nothing secret. */
export const LANGUAGE_STORAGE_KEY = 'cluster-console.language';

type Messages = Record<string, unknown>;
type Loader = () => Promise<{ default: Messages }>;

/**
 * Texts come in parts, each its own small chunk per language: a page downloads only the
 * language it shows, and the list page does not carry the texts of sign-in, detail, delete or
 * the wizard.
 */
const PARTS = {
  base: {
    en: () => import('../locales/en.json'),
    'zh-CN': () => import('../locales/zh-CN.json'),
  },
  signIn: {
    en: () => import('../locales/en.sign-in.json'),
    'zh-CN': () => import('../locales/zh-CN.sign-in.json'),
  },
  detail: {
    en: () => import('../locales/en.detail.json'),
    'zh-CN': () => import('../locales/zh-CN.detail.json'),
  },
  wizard: {
    en: () => import('../locales/en.wizard.json'),
    'zh-CN': () => import('../locales/zh-CN.wizard.json'),
  },
  history: {
    en: () => import('../locales/en.history.json'),
    'zh-CN': () => import('../locales/zh-CN.history.json'),
  },
  batch: {
    en: () => import('../locales/en.batch.json'),
    'zh-CN': () => import('../locales/zh-CN.batch.json'),
  },
  // Live status: loaded with the stream, after a page's first render.
  status: {
    en: () => import('../locales/en.status.json'),
    'zh-CN': () => import('../locales/zh-CN.status.json'),
  },
} satisfies Record<string, Record<Language, Loader>>;
export type TextPart = keyof typeof PARTS;

const wantedParts = new Set<TextPart>(['base']);
const loadedParts = new Set<string>();

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

/** The saved choice, else the browser's first Chinese or English preference, else English. */
export function detectLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function readSavedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export const i18n = i18next.createInstance();

function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

async function ensureLoaded(language: Language): Promise<void> {
  await Promise.all(
    [...wantedParts].map(async (part) => {
      const key = `${language}:${part}`;
      if (loadedParts.has(key)) return;
      const messages = await PARTS[part][language]();
      i18n.addResourceBundle(language, 'translation', messages.default, true, true);
      loadedParts.add(key);
    }),
  );
}

function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

let initialized: Promise<void> | undefined;

/** Loads the language to show, then starts i18next. Called once, before the first render. */
export function initI18n(language?: Language): Promise<void> {
  initialized ??= startI18n(language);
  return initialized;
}

async function startI18n(language?: Language): Promise<void> {
  const lng =
    language ??
    detectLanguage(
      readSavedLanguage(),
      typeof navigator === 'undefined' ? [] : navigator.languages,
    );
  await i18n.use(initReactI18next).init({
    resources: {},
    lng,
    // Both languages hold every key (a test checks), so there is nothing to fall back to.
    fallbackLng: false,
    supportedLngs: ['en', 'zh-CN'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  await ensureLoaded(lng);
  // The first number a page formats loads Intl's number data (25-45 ms in Chromium): done now,
  // while the first page's code and data are still on their way, rather than in the render
  // that shows them (the list's "5,000 clusters").
  new Intl.NumberFormat(lng).format(0);
  syncDocumentLanguage(i18n.language);
  i18n.on('languageChanged', syncDocumentLanguage);
}

/** Makes a part's texts available (now and after any language switch); pages call it before rendering. */
export async function loadTextPart(part: TextPart): Promise<void> {
  wantedParts.add(part);
  // A page may start loading while i18next itself is still starting: wait for its language.
  await initI18n();
  await ensureLoaded(currentLanguage());
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
}
