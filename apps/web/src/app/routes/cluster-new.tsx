import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClusterWizard } from '../../features/clusters/components/cluster-wizard/cluster-wizard';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ClusterNewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('wizard.title'));
  return (
    <div className="page page-narrow">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/clusters">{t('header.clusters')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('wizard.title')}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('wizard.title')}</h1>
          <p className="muted">{t('wizard.lead')}</p>
        </div>
      </div>
      <ClusterWizard />
    </div>
  );
}
