import { useTranslation } from 'react-i18next';
import { absoluteTime, relativeTime } from '../../../lib/format-time';

/** When, both ways: "3 minutes ago (2 Dec 2026, 15:20)", the exact instant in `dateTime`. */
export function CommitTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const absolute = absoluteTime(iso, i18n.language);
  return (
    <time dateTime={iso} title={absolute}>
      {relativeTime(iso, i18n.language)} <span className="muted">({absolute})</span>
    </time>
  );
}
