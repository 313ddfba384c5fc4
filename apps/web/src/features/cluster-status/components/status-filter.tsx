import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTER_STATES } from '@cluster-console/shared';
import { stateLabel } from '../lib/reason-words';

/** Every state a listed cluster can be in ("Not configured" is the whole console's, not a row's). */
export const FILTERABLE_STATES = CLUSTER_STATES.filter((state) => state !== 'not-configured');

export interface StatusFilterProps {
  value: string;
  onChange: (value: string) => void;
  anyLabel: string;
}

/** The list's status filter (its value lives in the URL with the other filters). */
export function StatusFilter({ value, onChange, anyLabel }: StatusFilterProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('status.filter')}</label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{anyLabel}</option>
        {FILTERABLE_STATES.map((state) => (
          <option key={state} value={state}>
            {stateLabel(t, state)}
          </option>
        ))}
      </select>
    </div>
  );
}
