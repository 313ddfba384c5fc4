import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cluster } from '@cluster-console/shared';
import { Alert } from '../../components/ui/alert';
import { useNotice } from '../../components/ui/notice-provider';
import { Spinner } from '../../components/ui/spinner';
import { LiveIndicator } from '../../features/cluster-status/components/live-indicator';
import { hasEarlyStatusStream } from '../../features/cluster-status/lib/early-status-stream';
import { createStatusDeriver } from '../../features/cluster-status/lib/status-of';
import { useStatusNow, useStatusStream } from '../../features/cluster-status/lib/use-status-stream';
import { useClusters } from '../../features/clusters/api/get-clusters';
import { CliFileDownload } from '../../features/clusters/components/cli-file-download';
import { ClustersTable } from '../../features/clusters/components/clusters-table';
import { ClustersToolbar } from '../../features/clusters/components/clusters-toolbar';
import { NautesApiNotice } from '../../features/clusters/components/nautes-api-notice';
import { SelectionBar } from '../../features/clusters/components/selection-bar';
import {
  filterSortedClusters,
  sortedClusters,
} from '../../features/clusters/lib/cluster-list-rows';
import {
  hasFilters,
  virtualClustersByHost,
  type SortKey,
} from '../../features/clusters/lib/cluster-list-view';
import { useListView } from '../../features/clusters/lib/use-list-view';
import { useRowSelection } from '../../features/clusters/lib/use-row-selection';
import { loadTextPart } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import './clusters.css';

const NO_CLUSTERS: Cluster[] = [];

// Drawn once the live status has started (after the first render): its list of states comes
// with the contract's schemas, which the list's first download does not carry.
const StatusFilter = lazy(async () => ({
  default: (await import('../../features/cluster-status/components/status-filter')).StatusFilter,
}));

// Loaded on the first delete: the list's initial download carries no dialog code.
const DeleteClusterDialog = lazy(async () => {
  const [dialog] = await Promise.all([
    import('../../features/clusters/components/delete-cluster-dialog'),
    loadTextPart('detail'),
  ]);
  return { default: dialog.DeleteClusterDialog };
});

// "Delete selected": loaded when first opened, with its texts.
const BulkDeleteDialog = lazy(async () => {
  const [dialog] = await Promise.all([
    import('../../features/clusters/components/bulk-delete/bulk-delete-dialog'),
    loadTextPart('batch'),
  ]);
  return { default: dialog.BulkDeleteDialog };
});

export function ClustersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('list.title'));
  const clusters = useClusters();
  const { notify } = useNotice();
  const { view, update: updateView, search, flush } = useListView();
  const [deleting, setDeleting] = useState<Cluster | null>(null);
  const [bulkDeleting, setBulkDeleting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const onSort = useCallback(
    (key: SortKey) =>
      updateView({ sort: key, dir: view.sort === key && view.dir === 'asc' ? 'desc' : 'asc' }),
    [updateView, view.sort, view.dir],
  );
  const clearFilters = () => updateView({ q: '', type: '', usage: '', worker: '', status: '' });

  const all = clusters.data ?? NO_CLUSTERS;
  const { q: query, type, usage, worker, status, sort, dir } = view;
  // Live status: the stream starts once the list's answer is in, or at once when the page's
  // first script has opened it (with its snapshot on the way: early-status-stream.ts). After
  // each event the rows in view derive their statuses again (all rows with a status filter),
  // and only the rows whose status changed re-render.
  const statusState = useStatusStream(!clusters.isPending || hasEarlyStatusStream());
  const statusNow = useStatusNow(statusState.clockOffsetMs);
  const [deriveStatuses] = useState(createStatusDeriver);
  const statuses = useMemo(
    () => deriveStatuses(statusState, statusNow),
    [deriveStatuses, statusState, statusNow],
  );
  // Only a status filter makes the rows depend on the statuses: without one, an event changes
  // cells, never which rows there are. Before the first snapshot (or with no live status) the
  // filter waits instead of emptying the list.
  const stateOf = useMemo(
    () => (status && statuses ? (name: string) => statuses.get(name)?.state : undefined),
    [status, statuses],
  );
  // Sorted once per list and order (and remembered); a keystroke only filters the sorted rows.
  const sorted = useMemo(() => sortedClusters(all, sort, dir), [all, sort, dir]);
  // A key filters the sorted rows (a few ms for 5,000) in the same render as the box: deferring
  // it (useDeferredValue) cost a second render and a frame more before the rows showed.
  const rows = useMemo(
    () => filterSortedClusters(sorted, { q: query, type, usage, worker, status }, stateOf),
    [sorted, query, type, usage, worker, status, stateOf],
  );
  const virtualsByHost = useMemo(() => virtualClustersByHost(all), [all]);
  const filtered = hasFilters(view);
  const selection = useRowSelection(all, rows);
  const selectedCount = selection.selectedClusters.length;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('list.title')}
          </h1>
          <p className="muted">{t('list.lead')}</p>
          {/* In every state of the list (empty too): how far its statuses can be trusted. */}
          <LiveIndicator state={statusState} />
        </div>
        <div className="actions">
          <Link to="/deleted-clusters" className="button">
            {t('history.deleted.link')}
          </Link>
          <Link to="/clusters/new" className="button button-primary">
            {t('list.register')}
          </Link>
        </div>
      </div>

      <NautesApiNotice />

      {clusters.isPending ? (
        <Spinner label={t('list.loading')} />
      ) : clusters.isError ? (
        <Alert tone="error" title={t('list.loadFailed')}>
          <p>{clusters.error.message}</p>
          <button type="button" className="button" onClick={() => void clusters.refetch()}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : all.length === 0 ? (
        <div className="empty-state">
          <h2>{t('list.emptyTitle')}</h2>
          <p>{t('list.emptyBody')}</p>
          <Link to="/clusters/new" className="button button-primary button-large">
            {t('list.registerFirst')}
          </Link>
        </div>
      ) : (
        <>
          <ClustersToolbar
            view={view}
            onChange={updateView}
            onSearch={search}
            onSearchEnd={flush}
            onClear={clearFilters}
            filtered={filtered}
          >
            {statusState.connection !== 'idle' ? (
              <Suspense fallback={null}>
                <StatusFilter
                  value={status}
                  onChange={(value) => updateView({ status: value })}
                  anyLabel={t('list.any')}
                />
              </Suspense>
            ) : null}
          </ClustersToolbar>
          <p className="result-count" role="status">
            {filtered
              ? t('list.showingFiltered', { count: rows.length, total: all.length })
              : t('list.showing', { count: all.length })}
            {clusters.isFetching ? <span className="muted"> · {t('list.refreshing')}</span> : null}
          </p>
          {selectedCount > 0 ? (
            <SelectionBar
              count={selectedCount}
              hidden={selection.hidden}
              onClear={selection.clear}
              onDelete={() => setBulkDeleting(true)}
            />
          ) : null}
          {rows.length > 0 || selectedCount > 0 ? (
            <CliFileDownload
              clusters={selectedCount > 0 ? selection.selectedClusters : rows}
              label={
                selectedCount > 0 ? t('selection.download', { count: selectedCount }) : undefined
              }
              fileName="clusters.yaml"
            />
          ) : null}
          {rows.length === 0 ? (
            <div className="empty-state empty-state-small">
              <p>{t('list.noMatch')}</p>
              <button type="button" className="button" onClick={clearFilters}>
                {t('list.clearFilters')}
              </button>
            </div>
          ) : (
            <ClustersTable
              clusters={rows}
              virtualsByHost={virtualsByHost}
              sort={view.sort}
              dir={view.dir}
              onSort={onSort}
              onDelete={setDeleting}
              statuses={statuses}
              statusNow={statusNow}
              selected={selection.selected}
              shownState={selection.shownState}
              onToggle={selection.toggle}
              onToggleAll={selection.toggleAll}
            />
          )}
        </>
      )}

      {deleting ? (
        <Suspense fallback={null}>
          <DeleteClusterDialog
            cluster={deleting}
            virtualClusters={virtualsByHost.get(deleting.name) ?? []}
            onClose={() => setDeleting(null)}
            onDeleted={(name) => {
              setDeleting(null);
              notify(t('delete.done', { name }));
              // The row and its button are gone: put focus somewhere sensible.
              window.setTimeout(() => headingRef.current?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}

      {bulkDeleting ? (
        <Suspense fallback={null}>
          <BulkDeleteDialog
            selected={selection.selectedClusters}
            all={all}
            onClose={() => {
              setBulkDeleting(false);
              // The dialog gives focus back to "Delete selected"; when everything selected was
              // deleted that button is gone, and the list's heading takes it.
              window.setTimeout(() => {
                if (document.activeElement === document.body) headingRef.current?.focus();
              }, 0);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
