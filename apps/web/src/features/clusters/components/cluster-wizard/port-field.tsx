import { isOutsideNodePortRange, NODE_PORT_RANGE } from '@cluster-console/shared';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { describedBy, Field } from '../../../../components/ui/field';
import { useFieldMessage } from './use-field-message';
import type { WizardValues } from './wizard-form';

type PortName = 'traefik.http_node_port' | 'traefik.https_node_port' | 'vcluster.https_node_port';

/** A NodePort: any 1-65535 is accepted, outside Kubernetes' default range earns a warning. */
export function PortField({ name, label, hint }: { name: PortName; label: string; hint: string }) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { register, getFieldState, formState } = useFormContext<WizardValues>();
  const value = useWatch<WizardValues, PortName>({ name });
  const error = message(name, getFieldState(name, formState).error);
  const warning =
    !error && isOutsideNodePortRange(value.trim())
      ? t('wizard.portOutsideRange', { min: NODE_PORT_RANGE.min, max: NODE_PORT_RANGE.max })
      : undefined;
  const id = name.replace('.', '-');
  return (
    <Field id={id} label={label} hint={hint} error={error} warning={warning} className="field-port">
      <input
        id={id}
        className="input input-mono"
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: true, error, warning })}
        {...register(name)}
      />
    </Field>
  );
}
