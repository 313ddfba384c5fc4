import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cluster } from '@cluster-console/shared';
import { CopyButton } from '../../../components/ui/copy-button';
import { clusterTypeLabel, usageLabel, workerTypeLabel } from '../lib/cluster-labels';

interface Row {
  label: string;
  /** What is copied: always the raw value, never the translated word. */
  value: string | undefined;
  display?: ReactNode;
}

/** Every non-secret field of a cluster, each copyable. The kubeconfig is never returned by the API. */
export function ClusterDetails({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation();
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
        <Link to={`/clusters/${encodeURIComponent(cluster.host_cluster)}`}>
          {cluster.host_cluster}
        </Link>
      ) : undefined,
    },
    { label: t('detail.fields.apiServer'), value: cluster.api_server },
    { label: t('detail.fields.primaryDomain'), value: cluster.primary_domain },
    { label: t('detail.fields.argocdHost'), value: cluster.argocd_host },
    { label: t('detail.fields.tektonHost'), value: cluster.tekton_host },
    { label: t('detail.fields.traefikHttp'), value: cluster.traefik?.http_node_port },
    { label: t('detail.fields.traefikHttps'), value: cluster.traefik?.https_node_port },
    { label: t('detail.fields.vclusterHttps'), value: cluster.vcluster?.https_node_port },
  ];
  const namespaces = cluster.reserved_namespaces_allowed_products;
  if (namespaces && Object.keys(namespaces).length > 0) {
    const text = Object.entries(namespaces)
      .map(([namespace, products]) => `${namespace}: ${products.join(', ')}`)
      .join('\n');
    rows.push({
      label: t('detail.fields.reservedNamespaces'),
      value: text,
      display: <pre className="inline-pre">{text}</pre>,
    });
  }
  const resources = cluster.product_allowed_cluster_resources;
  if (resources && Object.keys(resources).length > 0) {
    const text = Object.entries(resources)
      .map(
        ([product, list]) =>
          `${product}: ${list.map((item) => `${item.kind}.${item.group}`).join(', ')}`,
      )
      .join('\n');
    rows.push({
      label: t('detail.fields.clusterResources'),
      value: text,
      display: <pre className="inline-pre">{text}</pre>,
    });
  }

  return (
    <dl className="detail-list">
      {rows
        .filter((row) => row.value)
        .map((row) => (
          <div className="detail-row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              <span className="detail-value">{row.display ?? <code>{row.value}</code>}</span>
              <CopyButton value={row.value ?? ''} label={row.label} />
            </dd>
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
