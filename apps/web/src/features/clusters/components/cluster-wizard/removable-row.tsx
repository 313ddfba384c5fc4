import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One row of a repeatable group (a component's additions, a map's entries): its fields, and a
 * Remove button whose accessible name says which row it removes.
 */
export function RemovableRow({
  label,
  onRemove,
  children,
}: {
  label: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row" role="group" aria-label={label}>
      {children}
      <button
        type="button"
        className="link-button small"
        onClick={onRemove}
        aria-label={t('wizard.maps.removeRow', { name: label })}
      >
        {t('wizard.components.remove')}
      </button>
    </div>
  );
}
