import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { componentCategoriesFor, type ClusterView } from '@cluster-console/shared';
import { CopyButton } from '../../../components/ui/copy-button';
import { clusterTypeLabel, usageLabel, workerTypeLabel } from '../lib/cluster-labels';
import { clusterPath } from '../lib/cluster-paths';

interface Row {
  label: string;
  /** What is copied: always the raw value, never the translated word. */
  value: string | undefined;
  display?: ReactNode;
  /** A value this kind of cluster has: when the server left it out, the page says so. */
  expected?: boolean;
}

/**
 * Every non-secret field of a cluster, each copyable. The kubeconfig is never returned by the
 * API. Hosts and ports come from the v0.3 fields or, for v0.4, from the components (the
 * shared reply reader folds them into one place).
 */
export function ClusterDetails({ cluster }: { cluster: ClusterView }) {
  const { t } = useTranslation();
  const categories = componentCategoriesFor(cluster);
  const rows: Row[] = [
    { label: t('detail.fields.name'), value: cluster.name },
    { label: t('detail.fields.clusterKind'), value: cluster.cluster_kind },
    {
      label: t('detail.fields.clusterType'),
      value: cluster.cluster_type,
      display: clusterTypeLabel(t, cluster.cluster_type),
    },
    {
      label: t('detail.fields.usage'),
      value: cluster.usage,
      display: usageLabel(t, cluster.usage),
    },
    {
      label: t('detail.fields.workerType'),
      value: cluster.worker_type,
      display: workerTypeLabel(t, cluster.worker_type),
    },
    {
      label: t('detail.fields.hostCluster'),
      value: cluster.host_cluster,
      display: cluster.host_cluster ? (
        <Link to={clusterPath(cluster.host_cluster)}>{cluster.host_cluster}</Link>
      ) : undefined,
    },
    { label: t('detail.fields.apiServer'), value: cluster.api_server },
    { label: t('detail.fields.primaryDomain'), value: cluster.primary_domain },
    {
      label: t('detail.fields.argocdHost'),
      value: cluster.argocd_host,
      expected: categories.includes('deployment'),
    },
    {
      label: t('detail.fields.tektonHost'),
      value: cluster.tekton_host,
      expected: categories.includes('pipeline'),
    },
    {
      label: t('detail.fields.traefikHttp'),
      value: cluster.traefik?.http_node_port,
      expected: categories.includes('gateway'),
    },
    {
      label: t('detail.fields.traefikHttps'),
      value: cluster.traefik?.https_node_port,
      expected: categories.includes('gateway'),
    },
    {
      label: t('detail.fields.vclusterHttps'),
      value: cluster.vcluster?.https_node_port,
      expected: cluster.cluster_type === 'virtual',
    },
  ];
  return (
    <dl className="detail-list">
      {rows
        .filter((row) => row.value || row.expected)
        .map((row) => (
          <div className="detail-row" key={row.label}>
            <dt>{row.label}</dt>
            {row.value ? (
              <dd>
                <span className="detail-value">{row.display ?? <code>{row.value}</code>}</span>
                <CopyButton value={row.value} label={row.label} />
              </dd>
            ) : (
              <dd className="muted">{t('detail.notReported')}</dd>
            )}
          </div>
        ))}
      <div className="detail-row">
        <dt>{t('detail.fields.kubeconfig')}</dt>
        <dd className="muted">
          {cluster.cluster_type === 'physical'
            ? t('detail.kubeconfigStored')
            : t('detail.kubeconfigVirtual')}
        </dd>
      </div>
    </dl>
  );
}
