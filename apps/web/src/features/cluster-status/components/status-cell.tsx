import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterStatus } from '@cluster-console/shared';
import { describeReason } from '../lib/reason-words';
import { StatusBadge } from './status-badge';

export interface StatusCellProps {
  /** Null while no status can be shown (not configured, not yet received). */
  status: ClusterStatus | null | undefined;
  now: number;
}

/** The list's Status cell: the badge and one line of reason (all of it in the tooltip). */
export const StatusCell = memo(function StatusCell({ status, now }: StatusCellProps) {
  const { t, i18n } = useTranslation();
  if (!status) {
    return (
      <span className="muted" aria-hidden="true">
        —
      </span>
    );
  }
  const reason = describeReason(t, status.reason, now, i18n.language);
  return (
    <span className="status-cell">
      <StatusBadge state={status.state} />
      <span className="status-reason-line" title={reason}>
        {reason}
      </span>
    </span>
  );
});
