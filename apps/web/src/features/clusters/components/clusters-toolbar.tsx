import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTER_TYPES, USAGES, WORKER_TYPES, type ListView } from '../lib/cluster-list-view';
import { clusterTypeLabel, usageLabel, workerTypeLabel } from '../lib/cluster-labels';
import './clusters-toolbar.css';

export interface ClustersToolbarProps {
  view: ListView;
  onChange: (patch: Partial<ListView>) => void;
  /** A key in the search box. */
  onSearch: (q: string) => void;
  /** The search box lost focus or got Enter: its text belongs in the URL now. */
  onSearchEnd: () => void;
  onClear: () => void;
  filtered: boolean;
  /** More filters after the built-in ones (the live status's, once it has loaded). */
  children?: ReactNode;
}

export function ClustersToolbar({
  view,
  onChange,
  onSearch,
  onSearchEnd,
  onClear,
  filtered,
  children,
}: ClustersToolbarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const typeId = useId();
  const usageId = useId();
  const workerId = useId();
  return (
    <div className="toolbar" role="search" aria-label={t('list.searchRegion')}>
      <div className="field field-inline field-grow">
        <label htmlFor={searchId}>{t('list.search')}</label>
        <input
          id={searchId}
          type="search"
          className="input"
          value={view.q}
          placeholder={t('list.searchPlaceholder')}
          onChange={(event) => onSearch(event.target.value)}
          onBlur={onSearchEnd}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSearchEnd();
          }}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field field-inline">
        <label htmlFor={typeId}>{t('list.columns.type')}</label>
        <select
          id={typeId}
          className="select"
          value={view.type}
          onChange={(event) => onChange({ type: event.target.value })}
        >
          <option value="">{t('list.any')}</option>
          {CLUSTER_TYPES.map((value) => (
            <option key={value} value={value}>
              {clusterTypeLabel(t, value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={usageId}>{t('list.columns.usage')}</label>
        <select
          id={usageId}
          className="select"
          value={view.usage}
          onChange={(event) => onChange({ usage: event.target.value })}
        >
          <option value="">{t('list.any')}</option>
          {USAGES.map((value) => (
            <option key={value} value={value}>
              {usageLabel(t, value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={workerId}>{t('list.columns.workerType')}</label>
        <select
          id={workerId}
          className="select"
          value={view.worker}
          onChange={(event) => onChange({ worker: event.target.value })}
        >
          <option value="">{t('list.any')}</option>
          {WORKER_TYPES.map((value) => (
            <option key={value} value={value}>
              {workerTypeLabel(t, value)}
            </option>
          ))}
        </select>
      </div>
      {children}
      {filtered ? (
        <button type="button" className="button button-ghost" onClick={onClear}>
          {t('list.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
