import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components/ui/spinner';
import type { BatchFile } from '../../features/clusters/components/batch-apply/batch-file';
import { ClusterWizard } from '../../features/clusters/components/cluster-wizard/cluster-wizard';
import { useDocumentTitle } from '../../lib/use-document-title';

// Its own chunk: the review checks every cluster with the shared rules (zod, YAML), which the
// wizard's first download does not carry.
const BatchApply = lazy(() =>
  import('../../features/clusters/components/batch-apply/batch-apply').then((module) => ({
    default: module.BatchApply,
  })),
);

export function ClusterNewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('wizard.title'));
  // The file stays in memory only (it may hold kubeconfigs): never in the URL or storage.
  const [batch, setBatch] = useState<BatchFile>();
  // Back from the review lands on the button that opened it, the file still read.
  const opener = useRef<HTMLElement | null>(null);
  const openBatch = (file: BatchFile) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBatch(file);
  };
  const closeBatch = () => {
    setBatch(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <div className={batch ? 'page' : 'page page-narrow'}>
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
      {batch ? (
        <Suspense fallback={<Spinner label={t('batch.apply.loadingRegistered')} />}>
          <BatchApply file={batch} onBack={closeBatch} />
        </Suspense>
      ) : null}
      {/* Kept mounted while the batch is reviewed: going back finds the form and the file as they were. */}
      <div hidden={batch !== undefined}>
        <ClusterWizard onRegisterAll={openBatch} />
      </div>
    </div>
  );
}
