import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RemovableRow } from './removable-row';
import { RowTextField } from './row-text-field';
import type { WizardValues } from './wizard-form';

/** `reserved_namespaces_allowed_products`: a namespace and the products allowed in it, per row. */
export function ReservedNamespacesEditor({ hint }: { hint: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<WizardValues>();
  const rows = useFieldArray({ control, name: 'reserved_namespaces' });
  return (
    <fieldset className="fieldset">
      <legend>{t('wizard.maps.reservedLegend')}</legend>
      <p className="field-hint">{hint}</p>
      {rows.fields.map((row, index) => {
        const label = t('wizard.maps.reservedRow', { number: index + 1 });
        return (
          <RemovableRow key={row.id} label={label} onRemove={() => rows.remove(index)}>
            <RowTextField
              id={`reserved-${index}-namespace`}
              name={`reserved_namespaces.${index}.namespace`}
              label={t('wizard.maps.namespace')}
              placeholder="argocd"
            />
            <RowTextField
              id={`reserved-${index}-products`}
              name={`reserved_namespaces.${index}.products`}
              label={t('wizard.maps.products')}
              hint={t('wizard.maps.productsHint')}
              placeholder="my-product"
            />
          </RemovableRow>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => rows.append({ namespace: '', products: '' })}
      >
        {t('wizard.maps.addReserved')}
      </button>
    </fieldset>
  );
}
