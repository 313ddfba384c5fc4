import { useTranslation } from 'react-i18next';
import {
  checkText,
  checkTextOfField,
  translateEnglish,
  translateFrom,
  type CheckText,
} from '@cluster-console/shared';

/** Where the connection check's words live in the locales (zh-CN.wizard.json). */
export const CHECK_TEXTS_KEY = 'connectionCheck.texts';

/** A text with the BFF's English words for it: shown when the code is unknown here. */
type Described = Partial<CheckText> & { message: string };

/**
 * The connection check's results, notes and field problems in the page's language: each comes
 * with a code and params (the shared contract, check-texts-en.ts), told from the locale; in
 * English from the contract's own table (what the BFF writes as `message`). A code this console
 * does not know (a newer BFF) shows the BFF's English message.
 */
export function useCheckWords() {
  const { t, i18n } = useTranslation();
  const translate =
    i18n.language === 'en'
      ? translateEnglish
      : translateFrom(t(CHECK_TEXTS_KEY, { returnObjects: true }));
  const words = (text: Described) =>
    (text.code && checkText({ code: text.code, params: text.params ?? {} }, translate)) ||
    text.message;
  return {
    words,
    /** A request field's problem from the error's metadata, else the BFF's own words for it. */
    fieldWords: (metadata: Record<string, string>, field: string) => {
      const text = checkTextOfField(metadata, field);
      return words({ ...text, message: metadata[field] ?? '' });
    },
  };
}
