import { useTranslation } from 'react-i18next';
import { useStatusResource } from '../api/get-status-resource';
import { statusAvailability, statusOf } from '../lib/status-of';
import { useStatusNow, useStatusStream } from '../lib/use-status-stream';
import { LiveIndicator } from './live-indicator';
import { StatusArgo } from './status-argo';
import { StatusBadge } from './status-badge';
import { StatusConditions } from './status-conditions';
import { StatusExplanation } from './status-explanation';
import { StatusResourceFacts } from './status-resource-facts';
import { StatusUnavailable } from './status-unavailable';

/**
 * The detail page's Status: the state and its reason, whether the current settings are applied,
 * the operators' conditions, warnings and entry points, and Argo CD's view of the file.
 */
export function ClusterStatusSection({ name }: { name: string }) {
  const { t } = useTranslation();
  const state = useStatusStream();
  const now = useStatusNow(state.clockOffsetMs);
  // Shown on this page, the cluster is in Git (the clusters API just listed it).
  const status = statusOf(state, name, { inGit: true }, now);
  const availability = statusAvailability(state);
  const digest = state.digests.get(name) ?? null;
  const details = useStatusResource(
    name,
    digest?.resource_version ?? null,
    availability === 'available' && digest !== null,
  );
  if (state.connection === 'idle') return null;
  // The whole view of the resource the digest speaks of (the last one while the next loads).
  const resource = digest ? (details.data ?? null) : null;
  return (
    <section className="card" aria-labelledby="detail-status-title">
      <div className="status-summary">
        <h2 id="detail-status-title" className="card-title">
          {t('status.section.title')}
        </h2>
        <LiveIndicator state={state} sayHint={false} />
      </div>
      {availability !== 'available' || !status ? (
        <StatusUnavailable
          availability={availability === 'available' ? 'waiting' : availability}
          state={state}
        />
      ) : (
        <>
          <div className="status-summary">
            <StatusBadge state={status.state} />
          </div>
          <StatusExplanation status={status} now={now} />
          <dl className="detail-list">
            <div className="detail-row">
              <dt>{t('status.section.specApplied')}</dt>
              <dd>
                {status.specApplied === null
                  ? t('status.section.none')
                  : status.specApplied
                    ? t('status.section.specAppliedYes')
                    : t('status.section.specAppliedNo')}
              </dd>
            </div>
          </dl>
          {resource ? (
            <>
              <h3>{t('status.section.conditions')}</h3>
              <StatusConditions conditions={resource.conditions} now={now} />
              <StatusResourceFacts resource={resource} />
            </>
          ) : digest && details.isError ? (
            <p role="alert">
              {t('status.section.detailsFailed', { message: details.error.message })}{' '}
              <button type="button" className="button" onClick={() => void details.refetch()}>
                {t('common.retry')}
              </button>
            </p>
          ) : digest && details.data === undefined ? (
            <p className="muted" role="status">
              {t('status.section.detailsLoading')}
            </p>
          ) : (
            <p className="muted">{t('status.section.noResource')}</p>
          )}
          <h3>{t('status.section.argo')}</h3>
          <StatusArgo argo={state.argo} entry={state.argoByName.get(name) ?? null} />
        </>
      )}
    </section>
  );
}
