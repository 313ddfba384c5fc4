import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AdvancedComponents } from './advanced-components';
import { AdvancedMaps } from './advanced-maps';
import { FollowingField } from './following-field';
import { PortField } from './port-field';
import { categoriesOf } from './wizard-components';
import { useWizardState } from './wizard-context';
import { profileParts, type WizardValues } from './wizard-form';

export function StepDomains() {
  const { t } = useTranslation();
  const [profile, workerType] = useWatch<WizardValues, ['profile', 'worker_type']>({
    name: ['profile', 'worker_type'],
  });
  const { type, usage } = profileParts(profile);
  const { generation } = useWizardState();
  const v04 = generation === 'v0.4';
  // v0.4 gives a virtual pipeline worker a gateway too.
  const showTraefik = v04
    ? categoriesOf(type, usage, workerType).includes('gateway')
    : type === 'physical';
  return (
    <>
      <FollowingField
        name="primary_domain"
        label={t('wizard.fields.primaryDomain')}
        hint={t('wizard.domains.primaryDomainHint')}
        placeholder="203.0.113.10.nip.io"
        optional
      />
      {usage === 'worker' ? (
        <FollowingField
          name="argocd_host"
          label={t('wizard.fields.argocdHost')}
          hint={t('wizard.domains.argocdHint')}
          optional
        />
      ) : null}
      {usage === 'worker' && workerType === 'pipeline' ? (
        <FollowingField
          name="tekton_host"
          label={t('wizard.fields.tektonHost')}
          hint={t('wizard.domains.tektonHint')}
          optional
        />
      ) : null}
      {showTraefik ? (
        <fieldset className="fieldset">
          <legend>{t('wizard.domains.traefikLegend')}</legend>
          <p className="field-hint">{t('wizard.domains.traefikHint')}</p>
          <div className="field-row">
            <PortField
              name="traefik.http_node_port"
              label={t('wizard.fields.traefikHttp')}
              hint={t('wizard.domains.httpHint')}
            />
            <PortField
              name="traefik.https_node_port"
              label={t('wizard.fields.traefikHttps')}
              hint={t('wizard.domains.httpsHint')}
            />
          </div>
        </fieldset>
      ) : null}
      {v04 ? <AdvancedComponents /> : null}
      <AdvancedMaps />
    </>
  );
}
