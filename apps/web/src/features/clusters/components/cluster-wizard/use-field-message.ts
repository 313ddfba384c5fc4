import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isLockReason } from './wizard-locks';
import { CHECKS_UNAVAILABLE } from './wizard-resolver';

/**
 * The message to show under a field. The shared rules speak English; in Chinese a translated
 * explanation per field is shown instead. A server's message is always shown as the server said it.
 */
export function useFieldMessage(): (
  field: string,
  error: FieldError | undefined,
) => string | undefined {
  const { t, i18n } = useTranslation();
  return (field, error) => {
    if (!error?.message) return undefined;
    if (error.type === CHECKS_UNAVAILABLE) return t('wizard.checksFailed');
    if (error.type === 'server' || i18n.language === 'en') return error.message;
    if (isLockReason(error.message)) return t('wizard.locked.short');
    return t(`validation.${field}`, { defaultValue: error.message });
  };
}
