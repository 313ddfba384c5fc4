import { useTranslation } from 'react-i18next';
import type { ArgoClusterEntry, ArgoView } from '@cluster-console/shared';

/** The tenant's Argo CD Application as it concerns this cluster's file; messages as written. */
export function StatusArgo({
  argo,
  entry,
}: {
  argo: ArgoView | null;
  entry: ArgoClusterEntry | null;
}) {
  const { t } = useTranslation();
  const none = t('status.section.none');
  if (!argo) return <p className="muted">{t('status.section.noArgo')}</p>;
  return (
    <dl className="detail-list">
      <div className="detail-row">
        <dt>{t('status.section.application')}</dt>
        <dd>
          <code>{argo.application}</code>
        </dd>
      </div>
      <div className="detail-row">
        <dt>{t('status.section.fileSync')}</dt>
        <dd>
          {entry ? entry.status : <span className="muted">{t('status.section.notListed')}</span>}
          {entry?.failure ? <p className="status-message">{entry.failure}</p> : null}
        </dd>
      </div>
      <div className="detail-row">
        <dt>{t('status.section.revision')}</dt>
        <dd>
          {argo.revision ? <code title={argo.revision}>{argo.revision.slice(0, 12)}</code> : none}
        </dd>
      </div>
      <div className="detail-row">
        <dt>{t('status.section.appSync')}</dt>
        <dd>{argo.sync_status ?? none}</dd>
      </div>
      <div className="detail-row">
        <dt>{t('status.section.operation')}</dt>
        <dd>
          {argo.operation ? (
            <>
              {argo.operation.phase}
              {argo.operation.message ? (
                <p className="status-message">{argo.operation.message}</p>
              ) : null}
            </>
          ) : (
            none
          )}
        </dd>
      </div>
    </dl>
  );
}
