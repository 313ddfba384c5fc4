import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { isApiError } from '../../../lib/api-error';
import {
  CHECK_IDS,
  type CheckResult,
  type CheckStatus,
  type ConnectionCheckResponse,
} from '@cluster-console/shared';
import { useCheckConnection } from '../api/check-connection';
import { useCheckWords } from '../lib/check-words';
import { CredentialsMismatch } from './credentials-mismatch';
import './connection-check.css';

/** Each status has an icon and a word: the colour only repeats what they say. */
const STATUS_ICONS: Record<CheckStatus, string> = {
  ok: '✓',
  warning: '⚠',
  failed: '✕',
  skipped: '–',
};

export interface ConnectionCheckProps {
  /** The API server URL the cluster will be saved with. */
  apiServer: string;
  /** The reduced kubeconfig, the same text the save request carries. */
  kubeconfig: string;
}

/**
 * "Check connection": asks the BFF whether the cluster answers with this kubeconfig. It runs
 * only when pressed (never on load or on a step change), and its answer belongs to the API
 * server and kubeconfig it was asked about: change either and the answer is cleared.
 */
export function ConnectionCheck({ apiServer, kubeconfig }: ConnectionCheckProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const mutation = useCheckConnection();
  const controller = useRef<AbortController | null>(null);
  const input = { api_server: apiServer.trim(), kubeconfig: kubeconfig.trim() };
  const ready = input.api_server !== '' && input.kubeconfig !== '';
  const asked = mutation.variables?.input;
  const stale =
    asked !== undefined &&
    (asked.api_server !== input.api_server || asked.kubeconfig !== input.kubeconfig);

  const { reset } = mutation;
  useEffect(() => {
    if (!stale) return;
    controller.current?.abort();
    controller.current = null;
    reset();
  }, [stale, reset]);
  useEffect(() => () => controller.current?.abort(), []);

  const heading = useRef<HTMLHeadingElement>(null);
  const run = (confirmFor?: string) => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    mutation.mutate({
      input: confirmFor ? { ...input, confirm_credentials_for: confirmFor } : input,
      signal: next.signal,
    });
  };
  /** The confirming button goes away with the answer: the keyboard stays in this section. */
  const confirm = (address: string) => {
    run(address);
    heading.current?.focus();
  };

  const pending = mutation.isPending && !stale;
  const result = mutation.isSuccess && !stale ? mutation.data : undefined;
  const error = mutation.isError && !stale && isApiError(mutation.error) ? mutation.error : null;

  return (
    <section className="connection-check" aria-labelledby={titleId}>
      <h3 id={titleId} className="connection-check-title" ref={heading} tabIndex={-1}>
        {t('connectionCheck.title')}
      </h3>
      <p className="field-hint">{t('connectionCheck.lead')}</p>
      <div className="connection-check-bar">
        {/* While it runs the button stays focusable (aria-disabled, not disabled): a disabled
            button drops the keyboard's focus to the page's body. */}
        <button
          type="button"
          className="button"
          disabled={!ready}
          aria-disabled={pending || undefined}
          aria-describedby={ready ? undefined : `${titleId}-needs`}
          onClick={() => {
            if (!pending) run();
          }}
        >
          {result || error ? t('connectionCheck.again') : t('connectionCheck.button')}
        </button>
        {ready ? null : (
          <span id={`${titleId}-needs`} className="muted small">
            {t('connectionCheck.needsBoth')}
          </span>
        )}
      </div>
      <p className="connection-check-status" role="status" aria-live="polite">
        {pending ? (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            {t('connectionCheck.checking')}
          </>
        ) : result ? (
          summary(result, t)
        ) : null}
      </p>
      {error ? <CheckError error={error} /> : null}
      {result?.server_mismatch ? (
        <CredentialsMismatch
          mismatch={result.server_mismatch}
          disabled={pending}
          onConfirm={() => confirm(result.server_mismatch?.api_server ?? '')}
        />
      ) : null}
      {result ? <CheckResults result={result} /> : null}
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function summary(result: ConnectionCheckResponse, t: Translate): string {
  const statuses = result.checks.map((check) => check.status);
  const key = statuses.includes('failed')
    ? 'failed'
    : statuses.includes('warning')
      ? 'warning'
      : statuses.length > 0 && statuses.every((status) => status === 'ok')
        ? 'ok'
        : 'partial';
  return t(`connectionCheck.summary.${key}`, { time: formatDuration(result.duration_ms, t) });
}

function formatDuration(ms: number, t: Translate): string {
  return ms < 1000
    ? t('connectionCheck.milliseconds', { count: Math.round(ms) })
    : t('connectionCheck.seconds', { value: (ms / 1000).toFixed(1) });
}

function CheckError({
  error,
}: {
  error: { status: number; message: string; metadata: Record<string, string> };
}) {
  const { t } = useTranslation();
  const { fieldWords } = useCheckWords();
  if (error.status === 429) {
    const seconds = Number(error.metadata.retry_after_seconds);
    return (
      <Alert tone="error" title={t('connectionCheck.errors.title')}>
        {Number.isFinite(seconds) && seconds > 0
          ? t('connectionCheck.errors.rateLimited', { seconds })
          : t('connectionCheck.errors.rateLimitedSoon')}
      </Alert>
    );
  }
  const fields = (['api_server', 'kubeconfig', 'confirm_credentials_for'] as const).filter(
    (field) => error.metadata[field],
  );
  return (
    <Alert tone="error" title={t('connectionCheck.errors.title')}>
      {fields.length > 0 ? (
        <ul className="connection-check-errors">
          {fields.map((field) => (
            <li key={field}>
              {t('connectionCheck.errors.field', {
                field: t(`connectionCheck.fields.${field}`),
                message: fieldWords(error.metadata, field),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{error.message}</p>
      )}
    </Alert>
  );
}

function CheckResults({ result }: { result: ConnectionCheckResponse }) {
  const { t } = useTranslation();
  const { words } = useCheckWords();
  return (
    <div className="connection-check-results">
      <p className="muted small">
        {result.address
          ? t('connectionCheck.checkedAt', {
              apiServer: result.api_server,
              address: result.address,
            })
          : t('connectionCheck.checked', { apiServer: result.api_server })}
      </p>
      <ul className="check-list" aria-label={t('connectionCheck.resultsLabel')}>
        {result.checks.map((check, index) => (
          <CheckRow key={`${check.id}-${index}`} check={check} />
        ))}
      </ul>
      {result.notes.length > 0 ? (
        <div className="connection-check-notes">
          <p className="connection-check-notes-title">{t('connectionCheck.notesTitle')}</p>
          <ul>
            {result.notes.map((note, index) => (
              <li key={index}>{words({ ...result.note_texts[index], message: note })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="connection-check-advice">{t('connectionCheck.advice')}</p>
    </div>
  );
}

function CheckRow({ check }: { check: CheckResult }) {
  const { t } = useTranslation();
  const { words } = useCheckWords();
  const known = CHECK_IDS.some((id) => id === check.id);
  const name = known ? t(`connectionCheck.checks.${check.id}`) : check.id;
  return (
    <li className={`check-row check-${check.status}`}>
      <span className="check-status">
        <span className="check-icon" aria-hidden="true">
          {STATUS_ICONS[check.status]}
        </span>
        {t(`connectionCheck.status.${check.status}`)}
      </span>
      <div className="check-body">
        <p className="check-name">
          <strong>{name}</strong>
          {/* A skipped check took no time: its message says why it did not run. */}
          {check.status === 'skipped' ? null : (
            <span className="muted small check-time">{formatDuration(check.duration_ms, t)}</span>
          )}
        </p>
        <p className="check-message">{words(check)}</p>
        {check.detail ? <p className="check-detail mono small">{check.detail}</p> : null}
      </div>
    </li>
  );
}
