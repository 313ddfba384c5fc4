import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyComponentDefaults } from '@cluster-console/shared';
import { ComponentRow } from './component-row';
import { Disclosure } from './disclosure';
import { categoriesOf, isDefaultComponent } from './wizard-components';
import { profileParts, type WizardValues } from './wizard-form';

/**
 * "Advanced: components" (v0.4): every component this kind of cluster has, with the server's
 * defaults shown. Categories the kind lacks are not shown (and not sent).
 */
export function AdvancedComponents() {
  const { t } = useTranslation();
  const [profile, workerType, name, apiServer, primaryDomain] = useWatch<
    WizardValues,
    ['profile', 'worker_type', 'cluster_name', 'api_server', 'primary_domain']
  >({ name: ['profile', 'worker_type', 'cluster_name', 'api_server', 'primary_domain'] });
  const { formState, getValues } = useFormContext<WizardValues>();
  const { type, usage } = profileParts(profile);
  const categories = categoriesOf(type, usage, workerType);
  const defaults = applyComponentDefaults(name.trim() || 'cluster', {
    api_server: apiServer.trim(),
    primary_domain: primaryDomain.trim(),
    cluster_type: type,
    usage,
    worker_type: workerType,
  });
  return (
    <Disclosure
      label={t('wizard.components.disclosure')}
      reveal={formState.errors.components !== undefined}
      // Back on this step after changing a component: it stays in view.
      defaultOpen={categories.some(
        (category) => !isDefaultComponent(category, getValues(`components.${category}`)),
      )}
    >
      <p className="field-hint">{t('wizard.components.lead')}</p>
      {categories.length === 0 ? (
        <p className="field-hint">{t('wizard.components.noneYet')}</p>
      ) : (
        categories.map((category) => (
          <ComponentRow key={category} category={category} serverDefault={defaults[category]} />
        ))
      )}
      <p className="field-hint">{t('wizard.components.serverAdded')}</p>
    </Disclosure>
  );
}
