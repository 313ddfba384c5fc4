import { useTranslation } from 'react-i18next';
import type { StatusStreamState } from '../lib/status-store';

type Shown = 'connecting' | 'live' | 'reconnecting' | 'notConfigured' | 'forbidden' | 'watchDown';

function shownState(state: StatusStreamState): Shown | null {
  switch (state.connection) {
    case 'idle':
      return null;
    case 'forbidden':
      return 'forbidden';
    case 'not-configured':
      return 'notConfigured';
    case 'connecting':
      return 'connecting';
    case 'reconnecting':
      return 'reconnecting';
    case 'live':
      if (state.watch?.state === 'not-configured') return 'notConfigured';
      if (state.watch?.state === 'down') return 'watchDown';
      return 'live';
  }
}

const HINTS: Partial<Record<Shown, string>> = {
  live: 'status.live.hintLive',
  reconnecting: 'status.live.hintReconnecting',
  notConfigured: 'status.live.hintNotConfigured',
  forbidden: 'status.live.hintForbidden',
  watchDown: 'status.live.hintWatchDown',
};

/** Whether the hint is worth a line of its own (not for the usual, healthy case). */
const SAY_HINT = new Set<Shown>(['notConfigured', 'forbidden', 'watchDown']);

/**
 * "Live" / "Reconnecting…" / "Live status not configured": how far the statuses on the page
 * can be trusted. A polite live region, so a dropped connection is announced once.
 */
export function LiveIndicator({
  state,
  sayHint = true,
}: {
  state: StatusStreamState;
  /** False where the page explains the same at more length (the page after Save, detail). */
  sayHint?: boolean;
}) {
  const { t } = useTranslation();
  const shown = shownState(state);
  if (!shown) return null;
  const word = t(`status.live.${shown}`);
  const hintKey = HINTS[shown];
  const hint = hintKey ? t(hintKey) : undefined;
  return (
    <div className="live-indicator-wrap">
      <p
        className={`live-indicator live-${shown}`}
        role="status"
        aria-label={t('status.live.label', { state: word })}
        title={hint}
        data-live={shown}
      >
        <span className="live-dot" aria-hidden="true" />
        <span aria-hidden="true">{word}</span>
      </p>
      {hint && sayHint && SAY_HINT.has(shown) ? <p className="live-hint muted">{hint}</p> : null}
    </div>
  );
}
