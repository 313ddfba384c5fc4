import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { StatusAvailability } from '../lib/status-of';
import type { StatusStreamState } from '../lib/status-store';

/**
 * Why no status is shown: still connecting, not configured (with the server's words when it
 * gave some), or not for this user. Null while the stream has not started (its texts load with
 * it).
 */
export function StatusUnavailable({
  availability,
  state,
}: {
  availability: Exclude<StatusAvailability, 'available'>;
  state: StatusStreamState;
}) {
  const { t } = useTranslation();
  if (state.connection === 'idle') return null;
  if (availability === 'waiting') {
    return <p className="muted">{t('status.progress.waitingForStream')}</p>;
  }
  if (availability === 'forbidden') {
    return (
      <Alert tone="info" live={false} title={t('status.progress.forbiddenTitle')}>
        <p>{t('status.live.hintForbidden')}</p>
      </Alert>
    );
  }
  const serverWords = state.watch?.state === 'not-configured' ? state.watch.message : '';
  return (
    <Alert tone="info" live={false} title={t('status.progress.notConfiguredTitle')}>
      <p>{t('status.live.hintNotConfigured')}</p>
      {serverWords ? <p className="status-message">{serverWords}</p> : null}
      <p>{t('status.advice.notConfigured')}</p>
    </Alert>
  );
}
