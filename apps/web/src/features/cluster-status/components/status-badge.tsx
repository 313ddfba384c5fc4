import { useTranslation } from 'react-i18next';
import type { ClusterState } from '@cluster-console/shared';
import { stateLabel } from '../lib/reason-words';
import './status.css';

/** A glyph per state, so that colour is never the only cue (the word is always there too). */
const ICONS: Readonly<Record<ClusterState, string>> = {
  'not-configured': '○',
  'waiting-for-sync': '◔',
  'sync-failed': '✕',
  reconciling: '↻',
  error: '✕',
  warning: '!',
  ready: '✓',
  deleting: '⊖',
  stale: '?',
};

export function StatusBadge({ state }: { state: ClusterState }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${state}`} data-state={state}>
      <span className="status-icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      {stateLabel(t, state)}
    </span>
  );
}
