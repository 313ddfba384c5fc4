import { useTranslation } from 'react-i18next';
import type { ClusterResourceView } from '@cluster-console/shared';

/** The base-operator's warnings (as written) and the entry points cluster-operator collected. */
export function StatusResourceFacts({ resource }: { resource: ClusterResourceView }) {
  const { t } = useTranslation();
  const none = t('status.section.none');
  return (
    <>
      {resource.warnings.length > 0 ? (
        <>
          <h3>{t('status.section.warnings')}</h3>
          <ul className="status-warnings">
            {resource.warnings.map((warning) => (
              <li key={`${warning.type}/${warning.id}`}>
                <code>{warning.type}</code> ({warning.from}
                {warning.id ? `, ${warning.id}` : ''}):{' '}
                <span className="status-message">{warning.message}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('status.section.entryPoints')}</h3>
      {resource.entry_points.length === 0 ? (
        <p className="muted">{t('status.section.noEntryPoints')}</p>
      ) : (
        <table className="detail-table">
          <caption className="visually-hidden">{t('status.section.entryPointsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('status.section.entryPoint')}</th>
              <th scope="col">{t('status.section.entryPointType')}</th>
              <th scope="col">{t('status.section.httpPort')}</th>
              <th scope="col">{t('status.section.httpsPort')}</th>
            </tr>
          </thead>
          <tbody>
            {resource.entry_points.map((entry) => (
              <tr key={entry.name}>
                <th scope="row">{entry.name}</th>
                <td>{entry.type ?? none}</td>
                <td>{entry.http_port ?? none}</td>
                <td>{entry.https_port ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
