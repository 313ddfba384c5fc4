import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RemovableRow } from './removable-row';
import { RowTextField } from './row-text-field';
import type { WizardValues } from './wizard-form';

/** `product_allowed_cluster_resources`: one product and one cluster resource (kind, group) per row. */
export function ClusterResourcesEditor() {
  const { t } = useTranslation();
  const { control } = useFormContext<WizardValues>();
  const rows = useFieldArray({ control, name: 'cluster_resources' });
  return (
    <fieldset className="fieldset">
      <legend>{t('wizard.maps.resourcesLegend')}</legend>
      <p className="field-hint">{t('wizard.maps.resourcesHint')}</p>
      {rows.fields.map((row, index) => {
        const label = t('wizard.maps.resourceRow', { number: index + 1 });
        return (
          <RemovableRow key={row.id} label={label} onRemove={() => rows.remove(index)}>
            <RowTextField
              id={`resource-${index}-product`}
              name={`cluster_resources.${index}.product`}
              label={t('wizard.maps.product')}
              placeholder="my-product"
            />
            <RowTextField
              id={`resource-${index}-kind`}
              name={`cluster_resources.${index}.kind`}
              label={t('wizard.maps.kind')}
              placeholder="ClusterRole"
            />
            <RowTextField
              id={`resource-${index}-group`}
              name={`cluster_resources.${index}.group`}
              label={t('wizard.maps.group')}
              placeholder="rbac.authorization.k8s.io"
            />
          </RemovableRow>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => rows.append({ product: '', kind: '', group: '' })}
      >
        {t('wizard.maps.addResource')}
      </button>
    </fieldset>
  );
}
