import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { ServerMismatch } from '@cluster-console/shared';

export interface CredentialsMismatchProps {
  mismatch: ServerMismatch;
  /** Runs the check once more, confirming `mismatch.api_server` for that one check. */
  onConfirm: () => void;
  disabled: boolean;
}

/**
 * The API server field is not the kubeconfig's own server, so the BFF sent no credentials there:
 * says so, and offers to send them to that one address for one check (a button, so a keyboard
 * reaches it). Once confirmed, says where they went; the next check asks again.
 */
export function CredentialsMismatch({ mismatch, onConfirm, disabled }: CredentialsMismatchProps) {
  const { t } = useTranslation();
  const values = { kubeconfig: mismatch.kubeconfig_server, apiServer: mismatch.api_server };
  const whose = mismatch.kubeconfig_server
    ? t('connectionCheck.mismatch.kubeconfigFor', values)
    : t('connectionCheck.mismatch.kubeconfigNoServer', values);
  if (mismatch.confirmed) {
    return (
      <Alert tone="info" live={false} title={t('connectionCheck.mismatch.sentTitle', values)}>
        <p>
          {whose} {t('connectionCheck.mismatch.sent', values)}
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="warning" live={false} title={t('connectionCheck.mismatch.title')}>
      <p>
        {whose} {t('connectionCheck.mismatch.notSent', values)}
      </p>
      <p>{t('connectionCheck.mismatch.confirmHint', values)}</p>
      <button type="button" className="button" disabled={disabled} onClick={onConfirm}>
        {t('connectionCheck.mismatch.confirm', values)}
      </button>
    </Alert>
  );
}
