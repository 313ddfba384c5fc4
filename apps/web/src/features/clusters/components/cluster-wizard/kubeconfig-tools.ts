/**
 * Reading and reducing the kubeconfig with the YAML parser: part of the wizard's tools chunk
 * (wizard-tools.ts), never imported by the wizard's first download. The form's components
 * reach it through `inspectWith` (wizard-tools-loader.ts), which says "reading" until it is here.
 */
import { inspectKubeconfig, tryReduceKubeconfig } from '@cluster-console/shared';
import { selectedContextName, type KubeconfigInspection, type WizardValues } from './wizard-form';

export function inspect(kubeconfig: string): Exclude<KubeconfigInspection, { state: 'reading' }> {
  if (kubeconfig.trim() === '') return { state: 'empty' };
  const result = inspectKubeconfig(kubeconfig);
  return result.ok
    ? { state: 'ok', info: result.kubeconfig }
    : { state: 'invalid', error: result.error, line: result.line };
}

/** The kubeconfig to send: only the chosen context, its cluster and its user. */
export function kubeconfigToSend(
  values: Pick<WizardValues, 'kubeconfig' | 'kubeconfig_context'>,
): string {
  const raw = values.kubeconfig;
  const inspection = inspect(raw);
  if (inspection.state !== 'ok') return raw.trim();
  const context = selectedContextName(inspection.info, values.kubeconfig_context);
  if (!context) return raw.trim();
  const reduced = tryReduceKubeconfig(raw, context);
  return reduced.ok ? reduced.kubeconfig : raw.trim();
}
