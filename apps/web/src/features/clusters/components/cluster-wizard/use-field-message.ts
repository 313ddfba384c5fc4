import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ruleTextKey } from '../../lib/rule-text';
import { CHECKS_UNAVAILABLE } from './wizard-resolver';

/**
 * The message to show under a field. The shared rules speak English; in Chinese a known rule text
 * is told with its values (rule-text.ts), any other one by a translated explanation per field. A
 * server's message is always shown as the server said it.
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
    const known = ruleTextKey(error.message);
    if (known) return t(known.key, known.values);
    return t(`validation.${field}`, { defaultValue: error.message });
  };
}
