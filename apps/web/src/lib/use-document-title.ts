import { useEffect } from 'react';
import { i18n } from './i18n';

/** Each page names itself in the tab and for screen readers announcing navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${i18n.t('app.name')}`;
  }, [title]);
}
