import { useTranslation } from 'react-i18next';
import type { ConditionView } from '@cluster-console/shared';
import { absoluteTime, relativeTime } from '../../../lib/format-time';
import '../../../components/ui/detail-tables.css';

const STATUS_WORDS = {
  True: 'status.section.conditionTrue',
  False: 'status.section.conditionFalse',
  Unknown: 'status.section.conditionUnknown',
} as const;
const STATUS_MARKS = { True: '✓', False: '✕', Unknown: '?' } as const;

/** The resource's conditions: type, status, which operator wrote it, when, its message as written. */
export function StatusConditions({
  conditions,
  now,
}: {
  conditions: readonly ConditionView[];
  now: number;
}) {
  const { t, i18n } = useTranslation();
  if (conditions.length === 0) return <p className="muted">{t('status.section.noConditions')}</p>;
  return (
    <table className="detail-table status-conditions">
      <caption>{t('status.section.conditionsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('status.section.type')}</th>
          <th scope="col">{t('status.section.conditionStatus')}</th>
          <th scope="col">{t('status.section.operator')}</th>
          <th scope="col">{t('status.section.updated')}</th>
          <th scope="col">{t('status.section.message')}</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((condition) => (
          <tr key={condition.type}>
            <th scope="row">
              <code>{condition.type}</code>
            </th>
            <td className={`condition-${condition.status.toLowerCase()}`}>
              <span aria-hidden="true">{STATUS_MARKS[condition.status]} </span>
              {t(STATUS_WORDS[condition.status])}
            </td>
            <td>{condition.operator ?? t('status.section.unknownOperator')}</td>
            <td>
              {condition.last_transition_time ? (
                <time
                  dateTime={condition.last_transition_time}
                  title={absoluteTime(condition.last_transition_time, i18n.language)}
                >
                  {relativeTime(condition.last_transition_time, i18n.language, now)}
                </time>
              ) : (
                t('status.section.none')
              )}
            </td>
            <td className="status-message">{condition.message || t('status.section.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
