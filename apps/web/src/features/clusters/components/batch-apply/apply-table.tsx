import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeKind } from '../../lib/cluster-labels';
import { clusterPath } from '../../lib/cluster-paths';
import { ruleText } from '../../lib/rule-text';
import type { ApplyRow } from '../../lib/plan-apply';
import type { RowProgress } from './use-apply-run';
import '../../../../components/ui/detail-tables.css';

function ChangeCell({ row }: { row: ApplyRow }) {
  const { t } = useTranslation();
  if (!row.change) return <span className="muted">{t('batch.apply.notSent')}</span>;
  return (
    <>
      <span className={`badge batch-change-${row.change.kind}`}>
        {t(`batch.apply.change.${row.change.kind}`)}
      </span>
      {row.change.kind === 'changed' ? (
        <ul className="batch-fields">
          {row.change.fields.map((field) => (
            <li key={field.field}>
              <code>{field.field}</code>: {field.before ?? '—'} → {field.after ?? '—'}
            </li>
          ))}
        </ul>
      ) : null}
      {row.kubeconfig ? <p className="muted small">{t('batch.apply.kubeconfigIncluded')}</p> : null}
    </>
  );
}

function ResultCell({ row, progress }: { row: ApplyRow; progress: RowProgress | undefined }) {
  const { t } = useTranslation();
  if (progress === undefined || progress === 'waiting') {
    return <span className="muted">{progress ? t('batch.apply.waiting') : '—'}</span>;
  }
  if (progress === 'running') return <span>{t('batch.apply.sending')}</span>;
  if (progress.result === 'done') {
    return (
      <span className="batch-result-done">
        ✓ <Link to={clusterPath(row.name)}>{t('batch.apply.saved')}</Link>
      </span>
    );
  }
  if (progress.result === 'skipped') {
    return (
      <span className="batch-result-skipped">
        {t('batch.apply.skipped', { needs: progress.needs })}
      </span>
    );
  }
  return (
    <span className="batch-result-failed">
      ✗ {progress.message ? progress.message : t('batch.apply.notSentProblems')}
    </span>
  );
}

/** The review table; during and after sending, each row's result in place. */
export function ApplyTable({
  rows,
  progress,
}: {
  rows: readonly ApplyRow[];
  progress: ReadonlyMap<string, RowProgress>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="detail-table batch-table">
        <caption className="visually-hidden">{t('batch.apply.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('batch.apply.columns.document')}</th>
            <th scope="col">{t('batch.apply.columns.name')}</th>
            <th scope="col">{t('batch.apply.columns.kind')}</th>
            <th scope="col">{t('batch.apply.columns.change')}</th>
            <th scope="col">{t('batch.apply.columns.problems')}</th>
            <th scope="col">{t('batch.apply.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index} data-cluster={row.name}>
              <td>{t('batch.apply.document', { index: row.index, line: row.line })}</td>
              <th scope="row">{row.name || t('batch.apply.noName')}</th>
              <td>{describeKind(t, row)}</td>
              <td>
                <ChangeCell row={row} />
              </td>
              <td>
                {row.problems.length === 0 ? (
                  <span className="muted">{t('batch.apply.noProblems')}</span>
                ) : (
                  <ul className="batch-problems">
                    {row.problems.map((problem) => (
                      <li key={`${problem.field ?? ''}${problem.message}`}>
                        {problem.at !== undefined
                          ? t('batch.apply.atLine', { line: problem.at })
                          : null}
                        {problem.field ? <code>{problem.field}</code> : null}{' '}
                        {ruleText(t, i18n.language, problem.message)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <ResultCell row={row} progress={progress.get(row.name || `#${row.index}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
