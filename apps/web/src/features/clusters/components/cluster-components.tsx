import { useTranslation } from 'react-i18next';
import { COMPONENT_CATEGORIES, type ClusterView } from '@cluster-console/shared';
import { NotReported } from './not-reported';
import '../../../components/ui/detail-tables.css';

/** A v0.4 cluster's components, one row per category the server reported. */
export function ClusterComponents({ cluster }: { cluster: ClusterView }) {
  const { t } = useTranslation();
  const components = cluster.components;
  if (components === undefined) {
    return (
      <NotReported
        detail={cluster.generation === 'v0.3' ? t('detail.components.notInV03') : undefined}
      />
    );
  }
  const rows = COMPONENT_CATEGORIES.flatMap((category) => {
    const component = components[category];
    return component === undefined ? [] : [{ category, ...component }];
  });
  return (
    <table className="detail-table">
      <caption>{t('detail.components.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('detail.components.category')}</th>
          <th scope="col">{t('detail.components.name')}</th>
          <th scope="col">{t('detail.components.namespace')}</th>
          <th scope="col">{t('detail.components.additions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category}>
            <th scope="row">
              {t(`detail.components.categories.${row.category}`, { defaultValue: row.category })}
            </th>
            <td>
              <code>{row.name}</code>
            </td>
            <td>
              <code>{row.namespace}</code>
            </td>
            <td>
              {row.additions && Object.keys(row.additions).length > 0 ? (
                <ul>
                  {Object.entries(row.additions).map(([key, value]) => (
                    <li key={key}>
                      {t(`detail.components.additionKeys.${key}`, { defaultValue: key })}:{' '}
                      <code>{value}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('detail.components.noAdditions')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
