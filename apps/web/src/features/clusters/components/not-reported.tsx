import { useTranslation } from 'react-i18next';

/** Said in words wherever the server's reply left a value out (`""`, `null`, `{}` or missing). */
export function NotReported({ detail }: { detail?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted not-reported">
      {t('detail.notReported')}
      {detail ? ` ${detail}` : null}
    </p>
  );
}
