import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, memo, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster } from '@cluster-console/shared';
import type { StatusesByName } from '../../cluster-status';
import type { SortDirection, SortKey } from '../lib/cluster-list-view';
import { createRowTexts } from '../lib/row-texts';
import type { Selection } from '../lib/row-selection';
import { ClusterRow, ROW_HEIGHT } from './cluster-row';
import { createSelectionTexts, SelectAllCheckbox } from './selection-cells';
import './clusters-table.css';

const COLUMNS: { key: SortKey; labelKey: string; className?: string }[] = [
  { key: 'name', labelKey: 'list.columns.name', className: 'col-name' },
  { key: 'cluster_type', labelKey: 'list.columns.type', className: 'col-type' },
  { key: 'usage', labelKey: 'list.columns.usage', className: 'col-usage' },
  { key: 'worker_type', labelKey: 'list.columns.workerType', className: 'col-worker' },
  { key: 'host_cluster', labelKey: 'list.columns.hostCluster', className: 'col-host' },
  { key: 'api_server', labelKey: 'list.columns.apiServer', className: 'col-api' },
  { key: 'primary_domain', labelKey: 'list.columns.primaryDomain', className: 'col-wide' },
];

export interface ClustersTableProps {
  clusters: readonly Cluster[];
  virtualsByHost: ReadonlyMap<string, string[]>;
  sort: SortKey;
  dir: SortDirection;
  onSort: (key: SortKey) => void;
  onDelete: (cluster: Cluster) => void;
  /** Each cluster's live status; null while none can be shown (the cells say "—"). */
  statuses: StatusesByName | null;
  /** The "now" the statuses were derived at (their words say "3 minutes ago"). */
  statusNow: number;
  /** Selected names; a row re-renders only when its own checkbox changes. */
  selected: Selection;
  /** The header checkbox: none, some or all of the shown rows selected. */
  shownState: 'none' | 'some' | 'all';
  onToggle: (name: string, extend: boolean) => void;
  onToggleAll: () => void;
}

/**
 * The cluster table. Only the rows in view are in the DOM (5,000 clusters scroll smoothly);
 * aria-rowcount/aria-rowindex tell assistive technology the real size. Memoized: the page
 * re-renders for its search box, notices and dialogs; the table only when its props change.
 */
export const ClustersTable = memo(function ClustersTable({
  clusters,
  virtualsByHost,
  sort,
  dir,
  onSort,
  onDelete,
  statuses,
  statusNow,
  selected,
  shownState,
  onToggle,
  onToggleAll,
}: ClustersTableProps) {
  const { t } = useTranslation();
  // Looked up once per `t` (a new one comes with each language or newly loaded texts), not by
  // every row on every render: a keystroke in the search box re-renders the rows in view.
  const texts = useMemo(() => createRowTexts(t), [t]);
  const selectTexts = useMemo(() => createSelectionTexts(t), [t]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  // The compiler cannot memoize around the virtualizer; this component does not rely on it.
  const virtualizer = useVirtualizer({
    count: clusters.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows are keyed by position (the default): a key typed in the search box puts other
    // clusters in the rows in view, which then change their texts instead of being rebuilt.
    // The first render already has rows, instead of an empty one waiting for the box to be
    // measured (right after). Its height as global.css sets it (.table-scroll's max-height, a
    // list taller than that): the measurement then finds the rows already right, and the first
    // row's paint waits for no second render with fewer rows.
    initialRect: { width: window.innerWidth, height: Math.max(window.innerHeight - 300, 240) },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div
      ref={scrollRef}
      className="table-scroll"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="data-table" aria-rowcount={clusters.length + 1}>
        <caption id={captionId} className="visually-hidden">
          {t('list.caption', { count: clusters.length })}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column, index) => {
              const active = column.key === sort;
              const sortButton = (
                <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                  {t(column.labelKey)}
                  <span className={`sort-indicator${active ? ' active' : ''}`} aria-hidden="true">
                    {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              );
              const header = (
                <th
                  key={column.key}
                  scope="col"
                  className={column.className}
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  {column.key === 'name' ? (
                    <div className="select-header">
                      <SelectAllCheckbox
                        state={shownState}
                        label={selectTexts.allShown}
                        onToggle={onToggleAll}
                      />
                      {sortButton}
                    </div>
                  ) : (
                    sortButton
                  )}
                </th>
              );
              // Status sits right after the name; it is not sortable (it changes live).
              return index === 0 ? (
                <Fragment key={column.key}>
                  {header}
                  <th scope="col" className="col-status">
                    <span className="column-label">{t('list.columns.status')}</span>
                  </th>
                </Fragment>
              ) : (
                header
              );
            })}
            <th scope="col" className="col-actions">
              <span className="visually-hidden">{t('list.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={COLUMNS.length + 2} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const cluster = clusters[item.index];
            if (!cluster) return null;
            return (
              <ClusterRow
                key={item.key}
                rowIndex={item.index + 2}
                cluster={cluster}
                virtuals={virtualsByHost.get(cluster.name)}
                texts={texts}
                onDelete={onDelete}
                status={statuses?.get(cluster.name) ?? null}
                statusNow={statusNow}
                selected={selected.has(cluster.name)}
                selectTexts={selectTexts}
                onToggle={onToggle}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={COLUMNS.length + 2} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
});
