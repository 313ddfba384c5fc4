import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { useNotice } from '../../components/ui/notice-provider';
import { Spinner } from '../../components/ui/spinner';
import { SessionEndedAlert } from '../../features/auth/components/session-ended-alert';
import { ClusterStatusSection } from '../../features/cluster-status/components/cluster-status-section';
import { useCluster } from '../../features/clusters/api/get-cluster';
import { useClusters } from '../../features/clusters/api/get-clusters';
import {
  ClusterResourcesTable,
  ReservedNamespacesTable,
} from '../../features/clusters/components/cluster-access-maps';
import { ClusterComponents } from '../../features/clusters/components/cluster-components';
import { CliFileDownload } from '../../features/clusters/components/cli-file-download';
import { ClusterDetails } from '../../features/clusters/components/cluster-details';
import { DeleteClusterDialog } from '../../features/clusters/components/delete-cluster-dialog';
import { NautesApiNotice } from '../../features/clusters/components/nautes-api-notice';
import { describeCluster } from '../../features/clusters/lib/cluster-labels';
import { virtualClustersByHost } from '../../features/clusters/lib/cluster-list-view';
import { clusterPath } from '../../features/clusters/lib/cluster-paths';
import { ClusterHistory } from '../../features/history/components/cluster-history';
import { deletedHistoryPath } from '../../features/history/components/deleted-clusters';
import { useKeepWorkOnSessionEnd } from '../../lib/session-guard';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ClusterDetailRoute() {
  const { t } = useTranslation();
  const name = useParams().name ?? '';
  useDocumentTitle(name);
  const cluster = useCluster(name);
  const list = useClusters();
  const navigate = useNavigate();
  const { notify } = useNotice();
  const [deleting, setDeleting] = useState(false);
  // A session ending here (or in the delete dialog) is said in words; the page stays.
  useKeepWorkOnSessionEnd(true);
  const virtuals = useMemo(
    () => virtualClustersByHost(list.data ?? []).get(name) ?? [],
    [list.data, name],
  );

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/clusters">{t('header.clusters')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <NautesApiNotice />
      {cluster.isPending ? (
        <Spinner label={t('detail.loading')} />
      ) : cluster.isError && !cluster.data ? (
        <Alert
          tone="error"
          title={
            cluster.error.status === 404 ? t('detail.notFound', { name }) : t('detail.loadFailed')
          }
        >
          <p>{cluster.error.message}</p>
          <p className="actions">
            <Link className="button" to="/clusters">
              {t('routeError.toClusters')}
            </Link>
            {cluster.error.status === 404 ? (
              // A deleted cluster's history stays readable.
              <Link className="button" to={deletedHistoryPath(name)}>
                {t('history.deleted.seeHistory')}
              </Link>
            ) : null}
            {cluster.error.status !== 404 ? (
              <button type="button" className="button" onClick={() => void cluster.refetch()}>
                {t('common.retry')}
              </button>
            ) : null}
          </p>
        </Alert>
      ) : (
        <>
          <div className="page-header">
            <div>
              <h1>{cluster.data.name}</h1>
              <p className="muted">{describeCluster(t, cluster.data)}</p>
            </div>
            <div className="actions">
              <Link className="button" to={`${clusterPath(name)}/edit`}>
                {t('detail.edit')}
              </Link>
              <CliFileDownload clusters={[cluster.data]} />
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setDeleting(true)}
                aria-disabled={virtuals.length > 0 || undefined}
                aria-describedby={virtuals.length > 0 ? 'delete-blocked-reason' : undefined}
              >
                {t('detail.delete')}
              </button>
            </div>
          </div>
          {virtuals.length > 0 ? (
            <Alert tone="info" live={false}>
              <p id="delete-blocked-reason">
                {/* Punctuation and spaces are the language's: "a, b. " in English, "a、b。" in Chinese. */}
                {t('detail.carries', { count: virtuals.length })}
                {t('detail.listStart')}
                {virtuals.map((virtual, index) => (
                  <span key={virtual}>
                    {index > 0 ? t('detail.listSeparator') : ''}
                    <Link to={clusterPath(virtual)}>{virtual}</Link>
                  </span>
                ))}
                {t('detail.listEnd')}
                {t('detail.deleteThemFirst')}
              </p>
            </Alert>
          ) : null}
          <ClusterStatusSection name={cluster.data.name} />
          <section className="card" aria-labelledby="detail-fields-title">
            <h2 id="detail-fields-title" className="card-title">
              {t('detail.settings')}
            </h2>
            <ClusterDetails cluster={cluster.data} />
          </section>
          <section className="card" aria-labelledby="detail-components-title">
            <h2 id="detail-components-title" className="card-title">
              {t('detail.componentsTitle')}
            </h2>
            <ClusterComponents cluster={cluster.data} />
          </section>
          <section className="card" aria-labelledby="detail-access-title">
            <h2 id="detail-access-title" className="card-title">
              {t('detail.accessTitle')}
            </h2>
            <div className="detail-tables">
              <div>
                <h3>{t('detail.reservedNamespaces.title')}</h3>
                <ReservedNamespacesTable cluster={cluster.data} />
              </div>
              <div>
                <h3>{t('detail.clusterResources.title')}</h3>
                <ClusterResourcesTable cluster={cluster.data} />
              </div>
            </div>
          </section>
          <ClusterHistory name={cluster.data.name} />
          {deleting ? (
            <DeleteClusterDialog
              cluster={cluster.data}
              virtualClusters={virtuals}
              sessionAlert={<SessionEndedAlert />}
              onClose={() => setDeleting(false)}
              onDeleted={(deleted) => {
                notify(t('delete.done', { name: deleted }));
                void navigate('/clusters');
              }}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
