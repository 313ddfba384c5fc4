import { memo, useId } from 'react';
import { Link } from 'react-router';
import type { Cluster, ClusterStatus } from '@cluster-console/shared';
import { StatusCell } from '../../cluster-status';
import type { RowTexts } from '../lib/row-texts';
import { clusterPath } from '../lib/cluster-paths';
import { onRowSpace, RowCheckbox, type SelectionTexts } from './selection-cells';

/** Every row's height: the table's virtualizer places rows by it. */
export const ROW_HEIGHT = 48;

interface ClusterRowProps {
  rowIndex: number;
  cluster: Cluster;
  virtuals: string[] | undefined;
  texts: RowTexts;
  onDelete: (cluster: Cluster) => void;
  status: ClusterStatus | null;
  statusNow: number;
  selected: boolean;
  selectTexts: SelectionTexts;
  onToggle: (name: string, extend: boolean) => void;
}

const EMPTY = '—';

/** One cluster in the table; memoized, so a row re-renders only when its own props change. */
export const ClusterRow = memo(function ClusterRow({
  rowIndex,
  cluster,
  virtuals,
  texts,
  onDelete,
  status,
  statusNow,
  selected,
  selectTexts,
  onToggle,
}: ClusterRowProps) {
  const reasonId = useId();
  const virtualCount = virtuals?.length ?? 0;
  const blocked = virtualCount > 0;
  const blockedReason = blocked ? texts.deleteBlocked(virtuals?.join(', ') ?? '') : undefined;
  return (
    <tr
      aria-rowindex={rowIndex}
      className={selected ? 'row-selected' : undefined}
      style={{ height: ROW_HEIGHT }}
      onKeyDown={(event) => onRowSpace(event, cluster.name, onToggle)}
    >
      <td className="col-name">
        <RowCheckbox
          name={cluster.name}
          checked={selected}
          label={selectTexts.row(cluster.name)}
          onToggle={onToggle}
        />
        <Link to={clusterPath(cluster.name)} className="cluster-link">
          {cluster.name}
        </Link>
      </td>
      <td className="col-status">
        <StatusCell status={status} now={statusNow} />
      </td>
      <td>
        <span className={`badge badge-${cluster.cluster_type}`}>
          {texts.type(cluster.cluster_type)}
        </span>
      </td>
      <td className="col-usage">
        {texts.usage(cluster.usage)}
        {cluster.usage === 'host' ? (
          <span
            className="count-chip"
            title={[texts.virtualCount(virtualCount), virtuals?.join(', ')]
              .filter(Boolean)
              .join(': ')}
          >
            <span aria-hidden="true">{texts.virtualCountShort(virtualCount)}</span>
            <span className="visually-hidden">{texts.virtualCount(virtualCount)}</span>
          </span>
        ) : null}
      </td>
      <td>
        {cluster.worker_type ? (
          texts.workerType(cluster.worker_type)
        ) : (
          <span className="muted">{EMPTY}</span>
        )}
      </td>
      <td>
        {cluster.host_cluster ? (
          <Link to={clusterPath(cluster.host_cluster)}>{cluster.host_cluster}</Link>
        ) : (
          <span className="muted">{EMPTY}</span>
        )}
      </td>
      <td className="col-api mono" title={cluster.api_server}>
        {cluster.api_server}
      </td>
      <td className="col-wide" title={cluster.primary_domain}>
        {cluster.primary_domain ?? <span className="muted">{EMPTY}</span>}
      </td>
      <td className="col-actions">
        <button
          type="button"
          className="button button-ghost button-small button-danger-text"
          aria-label={texts.deleteCluster(cluster.name)}
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? reasonId : undefined}
          title={blockedReason}
          onClick={() => onDelete(cluster)}
        >
          {texts.delete}
        </button>
        {blocked ? (
          <span id={reasonId} className="visually-hidden">
            {blockedReason}
          </span>
        ) : null}
      </td>
    </tr>
  );
});
