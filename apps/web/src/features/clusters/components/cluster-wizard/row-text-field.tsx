import { useFormContext, type FieldError } from 'react-hook-form';
import { describedBy, Field } from '../../../../components/ui/field';
import { useFieldMessage } from './use-field-message';
import type { WizardField, WizardValues } from './wizard-form';

/** The message to show under a field of any depth (a parent path's error is not its own). */
export function useFormFieldError(name: WizardField): string | undefined {
  const message = useFieldMessage();
  const { getFieldState, formState } = useFormContext<WizardValues>();
  const error = getFieldState(name, formState).error as FieldError | undefined;
  return typeof error?.message === 'string' ? message(name, error) : undefined;
}

/** A plain text field of the form, with its error (from the rules or the server) under it. */
export function RowTextField({
  id,
  name,
  label,
  hint,
  placeholder,
}: {
  id: string;
  name: WizardField;
  label: string;
  hint?: string;
  placeholder?: string;
}) {
  const { register } = useFormContext<WizardValues>();
  const error = useFormFieldError(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="input input-mono"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...register(name)}
      />
    </Field>
  );
}
