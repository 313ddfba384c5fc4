import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WizardGeneration } from './wizard-generation';

/**
 * The wizard's bottom bar: Back (or Cancel on the first step) and Next, or on the last step
 * Save / Update, which waits for the Nautes API generation to be known or chosen.
 */
export function WizardActions({
  isFirst,
  isLast,
  cancelTo,
  generation,
  saving,
  updating,
  onBack,
}: {
  isFirst: boolean;
  isLast: boolean;
  /** Where Cancel goes: the cluster being edited, or the list. */
  cancelTo: string;
  generation: WizardGeneration;
  saving: boolean;
  /** The name is a registered cluster's: the button says Update. */
  updating: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const unknownGeneration = generation.generation === undefined;
  return (
    <div className="wizard-actions">
      {isFirst ? (
        <Link to={cancelTo} className="button button-ghost">
          {t('common.cancel')}
        </Link>
      ) : (
        <button type="button" className="button" onClick={onBack} disabled={saving}>
          {t('wizard.back')}
        </button>
      )}
      <span className="spacer" />
      {isLast && unknownGeneration ? (
        <p id="save-blocked" className="field-hint">
          {generation.status === 'loading'
            ? t('wizard.generation.checking')
            : t('wizard.generation.required')}
        </p>
      ) : null}
      {isLast ? (
        // While saving it stays focusable (aria-disabled): pressed from the keyboard, it
        // keeps focus instead of dropping it to the page's body.
        <button
          type="submit"
          className="button button-primary"
          disabled={unknownGeneration}
          aria-disabled={saving || undefined}
          aria-describedby={unknownGeneration ? 'save-blocked' : undefined}
        >
          {saving ? t('wizard.saving') : updating ? t('wizard.update') : t('wizard.save')}
        </button>
      ) : (
        <button type="submit" className="button button-primary">
          {t('wizard.next')}
        </button>
      )}
    </div>
  );
}
