import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { ConnectionCheck } from '../../../connection-check/components/connection-check';
import { kubeconfigToSend, type WizardValues } from './wizard-form';

/** The wizard's "Check connection": the API server and the reduced kubeconfig the save would send. */
export function WizardConnectionCheck() {
  const [apiServer, kubeconfig, context] = useWatch<
    WizardValues,
    ['api_server', 'kubeconfig', 'kubeconfig_context']
  >({ name: ['api_server', 'kubeconfig', 'kubeconfig_context'] });
  const reduced = useMemo(
    () => kubeconfigToSend({ kubeconfig, kubeconfig_context: context }),
    [kubeconfig, context],
  );
  return <ConnectionCheck apiServer={apiServer} kubeconfig={reduced} />;
}
