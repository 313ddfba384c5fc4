import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange, HistoryEntry } from '@cluster-console/shared';
import { fieldLabel } from '../lib/field-labels';
import { CommitTime } from './commit-time';

/** One commit: what kind of change, its title, who and when, the fields, the link to GitLab. */
export function HistoryEntryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { commit, change, fields } = entry;
  return (
    <li className="history-entry" aria-labelledby={titleId}>
      <div className="history-entry-head">
        <span className={`badge ${change === 'deleted' ? 'badge-virtual' : 'badge-physical'}`}>
          {t(`history.change.${change}`)}
        </span>
        <strong id={titleId} className="history-title">
          {commit.title}
        </strong>
      </div>
      <p className="history-meta">
        <span className="history-author">{commit.author_name}</span> ·{' '}
        <CommitTime iso={commit.authored_date} /> ·{' '}
        <a href={commit.web_url}>{t('history.viewCommit', { id: commit.short_id })}</a>
      </p>
      {fields.length === 0 ? (
        <p className="muted small">{t('history.noFieldChanges')}</p>
      ) : change === 'updated' ? (
        <FieldTable fields={fields} shortId={commit.short_id} />
      ) : (
        // A created or deleted file lists every field: folded, so the list stays readable.
        <details className="history-fields-folded">
          <summary>{t('history.allFields', { count: fields.length })}</summary>
          <FieldTable fields={fields} shortId={commit.short_id} />
        </details>
      )}
    </li>
  );
}

function FieldTable({ fields, shortId }: { fields: FieldChange[]; shortId: string }) {
  const { t } = useTranslation();
  return (
    <div className="history-table-scroll">
      <table className="history-table">
        <caption className="visually-hidden">{t('history.fieldsCaption', { id: shortId })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.field')}</th>
            <th scope="col">{t('history.before')}</th>
            <th scope="col">{t('history.after')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const label = fieldLabel(t, field.field);
            return (
              <tr key={field.field}>
                <th scope="row">
                  {label}
                  {label !== field.field ? (
                    <span className="history-path mono small muted">{field.field}</span>
                  ) : null}
                </th>
                <td>
                  <FieldValue value={field.before} />
                </td>
                <td>
                  <FieldValue value={field.after} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function FieldValue({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="muted">{t('history.absent')}</span>;
  return <code>{value}</code>;
}
