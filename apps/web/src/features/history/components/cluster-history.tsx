import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { useClusterHistory } from '../api/get-cluster-history';
import { HistoryEntryItem } from './history-entry';
import './history.css';

/**
 * The commits that touched the cluster's file in the tenant repository, newest first, read
 * from GitLab by the BFF with the user's own token. "Show older" asks for GitLab's next page.
 */
export function ClusterHistory({ name }: { name: string }) {
  const { t } = useTranslation();
  const history = useClusterHistory(name);
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title" className="card-title">
        {t('history.title')}
      </h2>
      {history.isPending ? (
        <Spinner label={t('history.loading')} />
      ) : history.isError && entries.length === 0 ? (
        <Alert tone="error" title={t('history.loadFailed')}>
          <p>{history.error.message}</p>
          <button type="button" className="button" onClick={() => void history.refetch()}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : entries.length === 0 && !history.hasNextPage ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <>
          <ol className="history-list">
            {entries.map((entry) => (
              <HistoryEntryItem key={entry.commit.id} entry={entry} />
            ))}
          </ol>
          <OlderPages
            hasNextPage={history.hasNextPage}
            fetching={history.isFetchingNextPage}
            error={history.isFetchNextPageError ? history.error : null}
            onMore={() => void history.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

export function OlderPages({
  hasNextPage,
  fetching,
  error,
  onMore,
}: {
  hasNextPage: boolean;
  fetching: boolean;
  error: Error | null;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error ? (
        <Alert tone="error" title={t('history.olderFailed')}>
          <p>{error.message}</p>
          <button type="button" className="button" onClick={onMore}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : null}
      {hasNextPage && !error ? (
        <p className="history-more">
          <button type="button" className="button" onClick={onMore} disabled={fetching}>
            {fetching ? t('history.loadingOlder') : t('history.showOlder')}
          </button>
        </p>
      ) : null}
    </>
  );
}
