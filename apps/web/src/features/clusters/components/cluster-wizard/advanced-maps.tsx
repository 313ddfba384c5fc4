import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ClusterResourcesEditor } from './cluster-resources-editor';
import { Disclosure } from './disclosure';
import { ReservedNamespacesEditor } from './reserved-namespaces-editor';
import { useWizardState } from './wizard-context';
import type { WizardValues } from './wizard-form';

/** "Advanced: reserved namespaces and cluster resources": the two maps both generations have. */
export function AdvancedMaps() {
  const { t } = useTranslation();
  const { generation } = useWizardState();
  const { formState, getValues } = useFormContext<WizardValues>();
  const { reserved_namespaces: reserved, cluster_resources: resources } = getValues();
  return (
    <Disclosure
      label={t('wizard.maps.disclosure')}
      reveal={
        formState.errors.reserved_namespaces !== undefined ||
        formState.errors.cluster_resources !== undefined
      }
      defaultOpen={reserved.length > 0 || resources.length > 0}
    >
      <ReservedNamespacesEditor
        hint={
          generation === 'v0.4' ? t('wizard.maps.reservedHintV04') : t('wizard.maps.reservedHint')
        }
      />
      <ClusterResourcesEditor />
    </Disclosure>
  );
}
