import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../components/ui/alert';
import { describedBy, Field } from '../../../../components/ui/field';
import { WithCode } from '../../../../components/ui/with-code';
import { describeCluster } from '../../lib/cluster-labels';
import { useFieldMessage } from './use-field-message';
import { useWizardState } from './wizard-context';
import { dependentsOf } from './wizard-locks';
import { PROFILES, type WizardValues } from './wizard-form';
import './choice.css';

export function StepWhat() {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { register, formState, trigger } = useFormContext<WizardValues>();
  const { hosts, clusters, clustersLoading, clustersError, editingName } = useWizardState();
  const [profile, name, workerType] = useWatch<
    WizardValues,
    ['profile', 'cluster_name', 'worker_type']
  >({
    name: ['profile', 'cluster_name', 'worker_type'],
  });
  const existing = clusters.get(name);
  // A host carrying virtual clusters keeps its kind: the choices are shown locked, with why.
  const dependents = existing ? dependentsOf(existing.name, clusters) : [];
  const lockedReason =
    dependents.length > 0
      ? t('wizard.locked.reason', { name, dependents: dependents.join(', ') })
      : undefined;
  const virtualDisabledReason = clustersLoading
    ? t('wizard.what.checkingHosts')
    : clustersError
      ? t('wizard.what.hostsUnknown', { message: clustersError })
      : hosts.length === 0
        ? t('wizard.what.noHost')
        : undefined;
  const profileError = message('profile', formState.errors.profile);
  const workerError = message('worker_type', formState.errors.worker_type);
  const nameError = message('cluster_name', formState.errors.cluster_name);
  const nameField = register('cluster_name', {
    // Checked as you type: the name rule is simple and its message says what to fix.
    onChange: () => void trigger('cluster_name'),
  });

  return (
    <>
      <fieldset
        className="fieldset"
        aria-describedby={
          [lockedReason ? 'profile-locked' : '', profileError ? 'profile-error' : '']
            .join(' ')
            .trim() || undefined
        }
      >
        <legend>{t('wizard.what.kindLegend')}</legend>
        <div className="choice-grid">
          {PROFILES.map((value) => {
            const locked = lockedReason !== undefined && profile !== value;
            const disabled =
              locked || (value === 'virtual-worker' && virtualDisabledReason !== undefined);
            return (
              <label
                key={value}
                className={`choice-card${disabled ? ' choice-disabled' : ''}${profile === value ? ' choice-selected' : ''}`}
              >
                <input
                  type="radio"
                  value={value}
                  disabled={disabled}
                  aria-describedby={`profile-${value}-hint`}
                  {...register('profile')}
                />
                <span className="choice-title">{t(`wizard.what.profiles.${value}.title`)}</span>
                <span id={`profile-${value}-hint`} className="choice-hint">
                  {locked
                    ? t('wizard.locked.short')
                    : disabled
                      ? virtualDisabledReason
                      : t(`wizard.what.profiles.${value}.hint`)}
                </span>
              </label>
            );
          })}
        </div>
        {lockedReason ? (
          <p id="profile-locked" className="field-hint locked-reason">
            <span aria-hidden="true">🔒 </span>
            {lockedReason}
          </p>
        ) : null}
        {profileError ? (
          <p id="profile-error" className="field-error">
            {profileError}
          </p>
        ) : null}
      </fieldset>

      {profile === 'physical-worker' || profile === 'virtual-worker' ? (
        <fieldset
          className="fieldset"
          aria-describedby={workerError ? 'worker-type-error' : undefined}
        >
          <legend>{t('wizard.what.workerLegend')}</legend>
          <div className="choice-grid choice-grid-2">
            {(['pipeline', 'deployment'] as const).map((value) => (
              <label key={value} className="choice-card">
                <input
                  type="radio"
                  value={value}
                  disabled={lockedReason !== undefined && workerType !== value}
                  aria-describedby={`worker-${value}-hint`}
                  {...register('worker_type')}
                />
                <span className="choice-title">{t(`cluster.workerType.${value}`)}</span>
                <span id={`worker-${value}-hint`} className="choice-hint">
                  {t(`wizard.what.workerHints.${value}`)}
                </span>
              </label>
            ))}
          </div>
          {workerError ? (
            <p id="worker-type-error" className="field-error">
              {workerError}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <Field
        id="cluster_name"
        label={t('wizard.fields.clusterName')}
        hint={editingName ? t('wizard.what.nameFixed') : t('wizard.what.nameHint')}
        error={nameError}
        warning={
          existing && !nameError && !editingName ? (
            <Alert tone="info" live>
              <WithCode
                text={t('wizard.what.nameExists', { name, kind: describeCluster(t, existing) })}
                code={name}
              />
            </Alert>
          ) : undefined
        }
      >
        <input
          id="cluster_name"
          className="input input-mono"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={253}
          readOnly={editingName !== undefined}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy('cluster_name', {
            hint: true,
            error: nameError,
            warning: existing && !nameError && !editingName,
          })}
          {...nameField}
        />
      </Field>
    </>
  );
}
