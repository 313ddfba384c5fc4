import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../../../../components/ui/field';
import { useFieldMessage } from './use-field-message';
import { useWizardState } from './wizard-context';
import type { WizardValues } from './wizard-form';
import type { FollowingField as FollowingFieldName } from './wizard-suggestions';

export interface FollowingFieldProps {
  name: FollowingFieldName;
  label: string;
  hint: string;
  placeholder?: string;
  warning?: React.ReactNode;
  optional?: boolean;
}

/**
 * A text field prefilled from other fields. It keeps following them until the user types in
 * it; then a button offers to go back to the suggestion.
 */
export function FollowingField({
  name,
  label,
  hint,
  placeholder,
  warning,
  optional,
}: FollowingFieldProps) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { register, getFieldState, formState } = useFormContext<WizardValues>();
  const value = useWatch<WizardValues, FollowingFieldName>({ name });
  const { suggestions, edited, markEdited, followSuggestion } = useWizardState();
  const suggestion = suggestions[name];
  const error = message(name, getFieldState(name, formState).error);
  const offerSuggestion = edited.has(name) && suggestion !== '' && suggestion !== value;
  return (
    <Field
      id={name}
      label={label}
      hint={
        <>
          {hint}
          {offerSuggestion ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => followSuggestion(name)}>
                {t('wizard.useSuggestion', { value: suggestion })}
              </button>
            </>
          ) : null}
        </>
      }
      error={error}
      warning={warning}
      optional={optional}
      optionalLabel={t('common.optional')}
    >
      <input
        id={name}
        className="input input-mono"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, { hint: true, error, warning })}
        {...register(name, { onChange: () => markEdited(name) })}
      />
    </Field>
  );
}
