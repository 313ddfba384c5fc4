import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { useCluster } from '../../features/clusters/api/get-cluster';
import { ClusterWizard } from '../../features/clusters/components/cluster-wizard/cluster-wizard';
import { clusterPath } from '../../features/clusters/lib/cluster-paths';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/clusters/<name>/edit`: the wizard at its review step, prefilled from the server's reply. */
export function ClusterEditRoute() {
  const { t } = useTranslation();
  const name = useParams().name ?? '';
  const title = t('wizard.editTitle', { name });
  useDocumentTitle(title);
  const cluster = useCluster(name);
  const detailHref = clusterPath(name);
  return (
    <div className="page page-narrow">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/clusters">{t('header.clusters')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={detailHref}>{name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('common.edit')}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('wizard.editLead')}</p>
        </div>
      </div>
      {/* Once loaded, the form is kept: a later failed refetch (a 401, say) never replaces it. */}
      {cluster.data ? (
        <ClusterWizard key={cluster.data.name} editing={cluster.data} />
      ) : cluster.isError ? (
        <Alert tone="error" title={t('wizard.editLoadFailed', { name })}>
          <p>{cluster.error.message}</p>
          <p className="actions">
            <Link className="button" to="/clusters">
              {t('routeError.toClusters')}
            </Link>
            {cluster.error.status !== 404 ? (
              <button type="button" className="button" onClick={() => void cluster.refetch()}>
                {t('common.retry')}
              </button>
            ) : null}
          </p>
        </Alert>
      ) : (
        <Spinner label={t('wizard.editLoading')} />
      )}
    </div>
  );
}
