import { useTranslation } from 'react-i18next';
import type { ClusterStatus } from '@cluster-console/shared';
import { adviceKey } from '../lib/advice';
import { describeReason } from '../lib/reason-words';

/** A status's reason in words and, when there is something to do, what. */
export function StatusExplanation({ status, now }: { status: ClusterStatus; now: number }) {
  const { t, i18n } = useTranslation();
  const advice = adviceKey(status.reason);
  return (
    <>
      <p className="status-message">{describeReason(t, status.reason, now, i18n.language)}</p>
      {advice ? (
        <p>
          <strong>{t('status.progress.whatToDo')}:</strong> {t(advice)}
        </p>
      ) : null}
    </>
  );
}
