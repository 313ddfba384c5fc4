import { useTranslation } from 'react-i18next';
import { ClusterResourcesEditor } from './cluster-resources-editor';
import { Disclosure } from './disclosure';
import { ReservedNamespacesEditor } from './reserved-namespaces-editor';
import { useWizardState } from './wizard-context';

/** "Advanced: reserved namespaces and cluster resources": the two maps both generations have. */
export function AdvancedMaps() {
  const { t } = useTranslation();
  const { generation } = useWizardState();
  return (
    <Disclosure label={t('wizard.maps.disclosure')}>
      <ReservedNamespacesEditor
        hint={
          generation === 'v0.4' ? t('wizard.maps.reservedHintV04') : t('wizard.maps.reservedHint')
        }
      />
      <ClusterResourcesEditor />
    </Disclosure>
  );
}
