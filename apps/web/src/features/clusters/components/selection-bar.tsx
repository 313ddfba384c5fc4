import { useTranslation } from 'react-i18next';

/**
 * What is selected in the list, how much of it the filter hides, and what can be done with it.
 * Shown only while something is selected.
 */
export function SelectionBar({
  count,
  hidden,
  onClear,
  onDelete,
}: {
  count: number;
  hidden: number;
  onClear: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="selection-bar" role="group" aria-label={t('selection.region')}>
      <p className="selection-bar-count" aria-live="polite">
        {t('selection.count', { count })}
        {hidden > 0 ? (
          <span className="muted"> · {t('selection.hidden', { count: hidden })}</span>
        ) : null}
      </p>
      <button type="button" className="button button-ghost" onClick={onClear}>
        {t('selection.clear')}
      </button>
      <button type="button" className="button button-danger" onClick={onDelete}>
        {t('selection.delete', { count })}
      </button>
    </div>
  );
}
