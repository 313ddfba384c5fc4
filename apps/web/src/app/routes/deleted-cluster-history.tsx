import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { clusterPath } from '../../features/clusters/lib/cluster-paths';
import { useRegisteredNames } from '../../features/history/api/use-registered-names';
import { ClusterHistory } from '../../features/history/components/cluster-history';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * A deleted cluster: nothing left to show but its history, read from the same commits; unless
 * the name was registered again since, which the page says, with a link to it.
 */
export function DeletedClusterHistoryRoute() {
  const { t } = useTranslation();
  const name = useParams().name ?? '';
  const registeredAgain = useRegisteredNames().has(name);
  useDocumentTitle(name);
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/clusters">{t('header.clusters')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to="/deleted-clusters">{t('history.deleted.link')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{name}</h1>
          {registeredAgain ? (
            <p className="muted">
              {t('history.deleted.clusterLeadRegisteredAgain')}{' '}
              <Link to={clusterPath(name)}>{t('history.deleted.openCurrent')}</Link>
            </p>
          ) : (
            <p className="muted">{t('history.deleted.clusterLead')}</p>
          )}
        </div>
      </div>
      <ClusterHistory name={name} />
    </div>
  );
}
