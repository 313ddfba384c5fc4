import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../components/ui/alert';
import { describedBy, Field } from '../../../../components/ui/field';
import { FollowingField } from './following-field';
import { KubeconfigInput } from './kubeconfig-input';
import { PortField } from './port-field';
import { useFieldMessage } from './use-field-message';
import { useWizardState } from './wizard-context';
import { WizardConnectionCheck } from './wizard-connection-check';
import { profileParts, selectedContextName, type WizardValues } from './wizard-form';
import { inspectWith, useWizardTools } from './wizard-tools-loader';

export function StepConnection() {
  const { t } = useTranslation();
  const [profile, name, kubeconfig, chosen] = useWatch<
    WizardValues,
    ['profile', 'cluster_name', 'kubeconfig', 'kubeconfig_context']
  >({ name: ['profile', 'cluster_name', 'kubeconfig', 'kubeconfig_context'] });
  const { clusters, generation } = useWizardState();
  const tools = useWizardTools(); // the kubeconfig is read again once its reader has downloaded
  const { type } = profileParts(profile);

  if (type === 'virtual') return <VirtualConnection />;

  const existing = clusters.get(name);
  const storedPhysical = existing?.cluster_type === 'physical';
  // A v0.4 server requires a physical cluster's kubeconfig on every save, updates included.
  const requiredAgain = storedPhysical && generation === 'v0.4';
  const inspection = inspectWith(tools, kubeconfig);
  const contextName =
    inspection.state === 'ok' ? selectedContextName(inspection.info, chosen) : undefined;
  const context =
    inspection.state === 'ok'
      ? inspection.info.contexts.find((candidate) => candidate.name === contextName)
      : undefined;
  const loopback = context?.serverIsLoopback ? context.server : undefined;

  return (
    <>
      {requiredAgain ? (
        <Alert tone="info" live={false} title={t('wizard.connection.kubeconfigAgainTitle')}>
          {t('wizard.connection.kubeconfigAgain', { name })}
        </Alert>
      ) : null}
      <KubeconfigInput keepStored={storedPhysical && !requiredAgain} />
      <FollowingField
        name="api_server"
        label={t('wizard.fields.apiServer')}
        hint={
          loopback ? t('wizard.connection.apiServerByHand') : t('wizard.connection.apiServerHint')
        }
        placeholder="https://203.0.113.10:6443"
        warning={
          loopback ? (
            <Alert tone="warning" live={false}>
              {t('wizard.kubeconfig.warnings.loopback', { host: new URL(loopback).hostname })}
            </Alert>
          ) : undefined
        }
      />
      <WizardConnectionCheck />
    </>
  );
}

function VirtualConnection() {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { register, formState } = useFormContext<WizardValues>();
  const { hosts } = useWizardState();
  const hostError = message('host_cluster', formState.errors.host_cluster);
  return (
    <>
      <Field
        id="host_cluster"
        label={t('wizard.fields.hostCluster')}
        hint={t('wizard.connection.hostHint')}
        error={hostError}
      >
        <select
          id="host_cluster"
          className="select"
          aria-invalid={hostError ? true : undefined}
          aria-describedby={describedBy('host_cluster', { hint: true, error: hostError })}
          {...register('host_cluster')}
        >
          <option value="">{t('wizard.connection.chooseHost')}</option>
          {hosts.map((host) => (
            <option key={host.name} value={host.name}>
              {host.name} ({host.api_server})
            </option>
          ))}
        </select>
      </Field>
      <PortField
        name="vcluster.https_node_port"
        label={t('wizard.fields.vclusterPort')}
        hint={t('wizard.connection.vclusterPortHint')}
      />
      <FollowingField
        name="api_server"
        label={t('wizard.fields.apiServer')}
        hint={t('wizard.connection.virtualApiServerHint')}
        placeholder="https://203.0.113.10:31456"
      />
    </>
  );
}
