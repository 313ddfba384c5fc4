import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeletedClusters } from '../../features/history/components/deleted-clusters';
import { useDocumentTitle } from '../../lib/use-document-title';

export function DeletedClustersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('history.deleted.title'));
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/clusters">{t('header.clusters')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('history.deleted.link')}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('history.deleted.title')}</h1>
          <p className="muted">{t('history.deleted.lead')}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="deleted-title">
        <h2 id="deleted-title" className="visually-hidden">
          {t('history.deleted.caption')}
        </h2>
        <DeletedClusters />
      </section>
    </div>
  );
}
