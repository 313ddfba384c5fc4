import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { ConnectionCheck } from '../../../connection-check';
import type { WizardValues } from './wizard-form';
import { useWizardTools } from './wizard-tools-loader';

/** The wizard's "Check connection": the API server and the reduced kubeconfig the save would send. */
export function WizardConnectionCheck() {
  const [apiServer, kubeconfig, context] = useWatch<
    WizardValues,
    ['api_server', 'kubeconfig', 'kubeconfig_context']
  >({ name: ['api_server', 'kubeconfig', 'kubeconfig_context'] });
  // Nothing is sent until the kubeconfig's reader has downloaded: computed again then.
  const tools = useWizardTools();
  const reduced = useMemo(
    () => (tools ? tools.kubeconfigToSend({ kubeconfig, kubeconfig_context: context }) : ''),
    [tools, kubeconfig, context],
  );
  return <ConnectionCheck apiServer={apiServer} kubeconfig={reduced} />;
}
