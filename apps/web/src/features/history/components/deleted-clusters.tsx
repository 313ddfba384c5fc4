import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { clusterPath } from '../../clusters';
import { useDeletedClusters } from '../api/get-deleted-clusters';
import { useRegisteredNames } from '../api/use-registered-names';
import { OlderPages } from './cluster-history';
import { CommitTime } from './commit-time';
import './history.css';

export const deletedHistoryPath = (name: string) => `/deleted-clusters/${encodeURIComponent(name)}`;

/**
 * Clusters whose file a commit removed, newest first, each linking to its history; one
 * registered again since says so and links to the cluster as it is now.
 */
export function DeletedClusters() {
  const { t } = useTranslation();
  const deleted = useDeletedClusters();
  const registered = useRegisteredNames();
  const items = deleted.data?.pages.flatMap((page) => page.items) ?? [];

  if (deleted.isPending) return <Spinner label={t('history.deleted.loading')} />;
  if (deleted.isError && items.length === 0 && !deleted.isFetchNextPageError)
    return (
      <Alert tone="error" title={t('history.deleted.loadFailed')}>
        <p>{deleted.error.message}</p>
        <button type="button" className="button" onClick={() => void deleted.refetch()}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  return (
    <>
      {items.length === 0 ? (
        <p className="muted">
          {deleted.hasNextPage ? t('history.deleted.noneRecent') : t('history.deleted.empty')}
        </p>
      ) : (
        <div className="history-table-scroll">
          <table className="history-table">
            <caption className="visually-hidden">{t('history.deleted.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.deleted.name')}</th>
                <th scope="col">{t('history.deleted.when')}</th>
                <th scope="col">{t('history.deleted.who')}</th>
                <th scope="col">{t('history.deleted.commit')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.name}@${item.commit.id}`}>
                  <th scope="row">
                    <Link to={deletedHistoryPath(item.name)}>{item.name}</Link>
                    {registered.has(item.name) ? (
                      <>
                        {' '}
                        <Link
                          to={clusterPath(item.name)}
                          className="badge registered-again"
                          aria-label={t('history.deleted.registeredAgainLabel', {
                            name: item.name,
                          })}
                        >
                          {t('history.deleted.registeredAgain')}
                        </Link>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <CommitTime iso={item.deleted_at} />
                  </td>
                  <td>{item.deleted_by}</td>
                  <td>
                    <a href={item.commit.web_url}>
                      {t('history.viewCommit', { id: item.commit.short_id })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OlderPages
        hasNextPage={deleted.hasNextPage}
        fetching={deleted.isFetchingNextPage}
        error={deleted.isFetchNextPageError ? deleted.error : null}
        onMore={() => void deleted.fetchNextPage()}
      />
    </>
  );
}
