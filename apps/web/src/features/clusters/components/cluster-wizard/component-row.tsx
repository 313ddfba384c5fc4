import type { ClientComponentCategory, Component } from '@cluster-console/shared';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../../../../components/ui/field';
import { RemovableRow } from './removable-row';
import { RowTextField, useFormFieldError } from './row-text-field';
import { useWizardState } from './wizard-context';
import { managedAdditionsOf, type ManagedField } from './wizard-components';
import type { WizardValues } from './wizard-form';
import type { FollowingField } from './wizard-suggestions';

const FOLLOWING: readonly string[] = ['argocd_host', 'tekton_host'];

/**
 * An addition the domains step owns (ArgoCD/Tekton host, Traefik ports): the same form field,
 * shown here too. Typing here is typing there.
 */
function ManagedAddition({
  id,
  addition,
  field,
  serverDefault,
}: {
  id: string;
  addition: string;
  field: ManagedField;
  serverDefault: string | undefined;
}) {
  const { t } = useTranslation();
  const { setValue, getFieldState, formState } = useFormContext<WizardValues>();
  const { markEdited } = useWizardState();
  const value = useWatch<WizardValues, ManagedField>({ name: field });
  const error = useFormFieldError(field);
  const hint = t('wizard.components.managedHint', {
    field: t(`wizard.components.managed.${field.replace('.', '_')}`),
    value: serverDefault ?? '—',
  });
  return (
    <Field
      id={id}
      label={t('wizard.components.additionNamed', { key: addition })}
      hint={hint}
      error={error}
    >
      <input
        id={id}
        className="input input-mono"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => {
          if (FOLLOWING.includes(field)) markEdited(field as FollowingField);
          setValue(field, event.target.value, {
            shouldDirty: true,
            shouldValidate: getFieldState(field, formState).error !== undefined,
          });
        }}
      />
    </Field>
  );
}

/** One component of `components_list`: name, namespace and additions as key/value rows. */
export function ComponentRow({
  category,
  serverDefault,
}: {
  category: ClientComponentCategory;
  serverDefault: Component | undefined;
}) {
  const { t } = useTranslation();
  const { control } = useFormContext<WizardValues>();
  const additions = useFieldArray({ control, name: `components.${category}.additions` });
  const base = `components-${category}`;
  const title = t(`wizard.components.categories.${category}`);
  return (
    <fieldset className="fieldset">
      <legend>{title}</legend>
      <div className="field-row">
        <RowTextField
          id={`${base}-name`}
          name={`components.${category}.name`}
          label={t('wizard.components.name')}
          hint={t('wizard.components.defaultValue', { value: serverDefault?.name ?? '' })}
          placeholder={serverDefault?.name}
        />
        <RowTextField
          id={`${base}-namespace`}
          name={`components.${category}.namespace`}
          label={t('wizard.components.namespace')}
          hint={t('wizard.components.defaultValue', { value: serverDefault?.namespace ?? '' })}
          placeholder={serverDefault?.namespace}
        />
      </div>
      {managedAdditionsOf(category).map(({ key, field }) => (
        <ManagedAddition
          key={key}
          id={`${base}-additions-${key}`}
          addition={key}
          field={field}
          serverDefault={serverDefault?.additions?.[key]}
        />
      ))}
      {additions.fields.map((row, index) => {
        const rowLabel = t('wizard.components.additionRow', { category: title, number: index + 1 });
        return (
          <RemovableRow key={row.id} label={rowLabel} onRemove={() => additions.remove(index)}>
            <RowTextField
              id={`${base}-additions-${index}-key`}
              name={`components.${category}.additions.${index}.key`}
              label={t('wizard.components.additionKey')}
            />
            <RowTextField
              id={`${base}-additions-${index}-value`}
              name={`components.${category}.additions.${index}.value`}
              label={t('wizard.components.additionValue')}
            />
          </RemovableRow>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => additions.append({ key: '', value: '' })}
        aria-label={t('wizard.components.addAdditionTo', { category: title })}
      >
        {t('wizard.components.addAddition')}
      </button>
    </fieldset>
  );
}
