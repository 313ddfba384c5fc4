import { useTranslation } from 'react-i18next';
import type { BatchStep, Cluster } from '@cluster-console/shared';
import { clusterTypeLabel, usageLabel } from '../../lib/cluster-labels';
import type { DeleteProgress } from './use-bulk-delete';

function ResultCell({ progress }: { progress: DeleteProgress | undefined }) {
  const { t } = useTranslation();
  if (progress === undefined) return <span className="muted">{t('batch.delete.notStarted')}</span>;
  if (progress === 'waiting') return <span className="muted">{t('batch.delete.waiting')}</span>;
  if (progress === 'running') return <span>{t('batch.delete.deletingOne')}</span>;
  if (progress.result === 'done') {
    return <span className="bulk-result-done">✓ {t('batch.delete.deleted')}</span>;
  }
  if (progress.result === 'skipped') {
    return (
      <span className="bulk-result-skipped">
        {t('batch.delete.skipped', { needs: progress.needs })}
      </span>
    );
  }
  return <span className="bulk-result-failed">✗ {progress.message}</span>;
}

/** Every cluster of the batch in the order it is deleted, and each one's result in place. */
export function BulkDeleteTable({
  steps,
  progress,
}: {
  steps: readonly BatchStep<Cluster>[];
  progress: ReadonlyMap<string, DeleteProgress>;
}) {
  const { t } = useTranslation();
  return (
    <div className="bulk-delete-scroll">
      <table className="detail-table bulk-delete-table">
        <caption className="visually-hidden">{t('batch.delete.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('batch.delete.columns.order')}</th>
            <th scope="col">{t('batch.delete.columns.name')}</th>
            <th scope="col">{t('batch.delete.columns.kind')}</th>
            <th scope="col">{t('batch.delete.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map(({ cluster }, index) => (
            <tr key={cluster.name} data-cluster={cluster.name}>
              <td>{index + 1}</td>
              <th scope="row">
                <code>{cluster.name}</code>
              </th>
              <td>
                {clusterTypeLabel(t, cluster.cluster_type)} · {usageLabel(t, cluster.usage)}
              </td>
              <td>
                <ResultCell progress={progress.get(cluster.name)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
