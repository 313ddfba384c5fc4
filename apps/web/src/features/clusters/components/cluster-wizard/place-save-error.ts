import type { UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../../../lib/api-error';
import { formFieldFor } from './wizard-field-paths';
import type { WizardValues } from './wizard-form';
import { firstStepOf } from './wizard-steps';

/**
 * A failed save, shown where it belongs: each field the server names gets its message (whatever
 * the status: real Nautes answers 500 with field metadata), and the rest goes to the alert at
 * the top of the step. Returns the step of the first field named, to go back to, if any.
 */
export function placeSaveError(
  error: Error & { status?: number },
  values: WizardValues,
  setError: UseFormSetError<WizardValues>,
): number | undefined {
  const unplaced: string[] = [];
  const placed: string[] = [];
  if (isApiError(error)) {
    for (const [path, message] of Object.entries(error.metadata)) {
      const field = formFieldFor(path, values);
      if (field) {
        setError(field, { type: 'server', message });
        placed.push(field);
      } else {
        unplaced.push(`${path}: ${message}`);
      }
    }
  }
  // A 400's message only counts the fields; any other answer's message says more.
  const status = isApiError(error) ? error.status : 0;
  if (placed.length === 0 || unplaced.length > 0 || status !== 400) {
    setError('root.serverError', {
      type: String(error.status),
      message: [error.message, ...unplaced].join('\n'),
    });
  }
  return firstStepOf(placed);
}
