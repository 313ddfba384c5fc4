import { useTranslation } from 'react-i18next';
import { WIZARD_STEPS } from './wizard-steps';

/** The wizard's steps: the ones done are buttons back to them, the current one is marked. */
export function WizardStepNav({
  step,
  onGoBackTo,
}: {
  step: number;
  onGoBackTo: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('wizard.stepsLabel')} className="wizard-steps">
      <ol>
        {WIZARD_STEPS.map((item, index) => {
          const status = index < step ? 'done' : index === step ? 'current' : 'upcoming';
          return (
            <li key={item.id} className={`wizard-step wizard-step-${status}`}>
              {index < step ? (
                <button
                  type="button"
                  className="wizard-step-button"
                  onClick={() => onGoBackTo(index)}
                >
                  <span className="wizard-step-number" aria-hidden="true">
                    ✓
                  </span>
                  <span>{t(`wizard.steps.${item.id}`)}</span>
                  <span className="visually-hidden"> ({t('wizard.stepDone')})</span>
                </button>
              ) : (
                <span
                  className="wizard-step-button"
                  aria-current={index === step ? 'step' : undefined}
                >
                  <span className="wizard-step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span>{t(`wizard.steps.${item.id}`)}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
