import { useTranslation } from 'react-i18next';
import { relativeTime } from '../../../lib/format-time';
import { progressSteps, type StepState } from '../lib/progress-steps';
import { statusAvailability, statusOf } from '../lib/status-of';
import { useStatusNow, useStatusStream } from '../lib/use-status-stream';
import { LiveIndicator } from './live-indicator';
import { StatusBadge } from './status-badge';
import { StatusExplanation } from './status-explanation';
import { StatusUnavailable } from './status-unavailable';

const MARKS: Readonly<Record<StepState, string>> = {
  done: '✓',
  current: '…',
  failed: '✕',
  pending: '○',
};

export interface SaveProgressProps {
  name: string;
  /** When the save answered (ISO time): "Saved in Git 2 minutes ago". */
  savedAt: string;
}

/**
 * The page after Save follows the cluster live: Saved in Git → Synced to the management
 * cluster → Ready, and where a step fails, the message and what to do.
 */
export function SaveProgress({ name, savedAt }: SaveProgressProps) {
  const { t, i18n } = useTranslation();
  const state = useStatusStream();
  const now = useStatusNow(state.clockOffsetMs);
  const availability = statusAvailability(state);
  const status = statusOf(state, name, { inGit: true, committedAt: savedAt }, now);
  if (state.connection === 'idle') return null;
  return (
    <section className="save-progress" aria-labelledby="save-progress-title">
      <div className="status-summary">
        <h3 id="save-progress-title">{t('status.progress.title')}</h3>
        <LiveIndicator state={state} sayHint={false} />
      </div>
      {availability !== 'available' || !status ? (
        <StatusUnavailable
          availability={availability === 'available' ? 'waiting' : availability}
          state={state}
        />
      ) : (
        <>
          <p className="status-summary" role="status">
            <StatusBadge state={status.state} />
          </p>
          <ol className="progress-steps" aria-label={t('status.progress.steps', { name })}>
            {progressSteps(status).map((step) => (
              <li key={step.key} className={`progress-step progress-${step.state}`}>
                <span className="progress-mark" aria-hidden="true">
                  {MARKS[step.state]}
                </span>
                <div>
                  <p className="progress-step-title">
                    {step.key === 'saved'
                      ? t('status.progress.savedAgo', {
                          ago: relativeTime(savedAt, i18n.language, now),
                        })
                      : t(`status.progress.${step.key}`)}{' '}
                    <span className="muted">· {t(`status.progress.${step.state}`)}</span>
                  </p>
                  {step.explains ? <StatusExplanation status={status} now={now} /> : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
