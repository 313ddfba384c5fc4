import type { FieldErrors, Resolver } from 'react-hook-form';
import type { WizardContext, WizardValues } from './wizard-form';
import { loadWizardTools } from './wizard-tools-loader';

/** The `type` of the error a field gets when the checks could not be downloaded. */
export const CHECKS_UNAVAILABLE = 'checks-unavailable';

/**
 * The form's resolver: the shared rules (zod) and the kubeconfig reader (YAML) download on the
 * first check, a user's blur or "Next", instead of with the wizard. When they cannot be
 * downloaded, the fields being checked say so: nothing passes unchecked.
 */
export const wizardResolver: Resolver<WizardValues, WizardContext> = async (
  values,
  context,
  options,
) => {
  try {
    const tools = await loadWizardTools();
    return await tools.wizardResolver(values, context, options);
  } catch {
    return checksUnavailable(options.names);
  }
};

/** The resolver's answer when the checks did not download: every field checked fails. */
export function checksUnavailable(names: readonly string[] | undefined) {
  const errors: Record<string, unknown> = {};
  for (const name of names?.length ? names : ['profile']) {
    errors[name] = { type: CHECKS_UNAVAILABLE, message: 'The form’s checks could not be loaded.' };
  }
  return { values: {}, errors: errors as FieldErrors<WizardValues> };
}
