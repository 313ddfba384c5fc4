import { useTranslation } from 'react-i18next';
import type { ClusterView } from '@cluster-console/shared';
import { NotReported } from './not-reported';
import '../../../components/ui/detail-tables.css';

/** reserved_namespaces_allowed_products: namespace -> products allowed to use it. */
export function ReservedNamespacesTable({ cluster }: { cluster: ClusterView }) {
  const { t } = useTranslation();
  const map = cluster.reserved_namespaces_allowed_products;
  if (map === undefined || Object.keys(map).length === 0) return <NotReported />;
  return (
    <table className="detail-table">
      <caption>{t('detail.reservedNamespaces.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('detail.reservedNamespaces.namespace')}</th>
          <th scope="col">{t('detail.reservedNamespaces.products')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(map).map(([namespace, products]) => (
          <tr key={namespace}>
            <th scope="row">
              <code>{namespace}</code>
            </th>
            <td>
              {products.length > 0 ? (
                products.join(', ')
              ) : (
                <span className="muted">{t('detail.reservedNamespaces.noProducts')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** product_allowed_cluster_resources: product -> cluster-scoped resources ({kind, group}). */
export function ClusterResourcesTable({ cluster }: { cluster: ClusterView }) {
  const { t } = useTranslation();
  const map = cluster.product_allowed_cluster_resources;
  if (map === undefined || Object.keys(map).length === 0) return <NotReported />;
  return (
    <table className="detail-table">
      <caption>{t('detail.clusterResources.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('detail.clusterResources.product')}</th>
          <th scope="col">{t('detail.clusterResources.resources')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(map).map(([product, resources]) => (
          <tr key={product}>
            <th scope="row">{product}</th>
            <td>
              {resources.length > 0 ? (
                <ul>
                  {resources.map((resource) => (
                    <li key={`${resource.group}/${resource.kind}`}>
                      <code>{resource.kind}</code>{' '}
                      <span className="muted">
                        ({resource.group || t('detail.clusterResources.coreGroup')})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('detail.clusterResources.noResources')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
