import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteOrder, type Cluster, type RefusedHost } from '@cluster-console/shared';
import { Alert } from '../../../../components/ui/alert';
import { Dialog } from '../../../../components/ui/dialog';
import { BulkDeleteTable } from './bulk-delete-table';
import { useBulkDelete } from './use-bulk-delete';
import '../../../../components/ui/detail-tables.css';
import './bulk-delete.css';

export interface BulkDeleteDialogProps {
  /** The selected clusters. */
  selected: readonly Cluster[];
  /** Every registered cluster: a selected host's virtual clusters outside the selection. */
  all: readonly Cluster[];
  onClose: () => void;
}

/**
 * "Delete selected": one confirmation naming every cluster, confirmed by typing their count.
 * The order and the refusal are decided once, when it opens (deleteOrder): a host whose virtual
 * clusters are not all selected is refused before any request, naming them.
 */
export function BulkDeleteDialog({ selected, all, onClose }: BulkDeleteDialogProps) {
  const { t } = useTranslation();
  // Fixed for the dialog's life: live updates of the list must not reorder a running batch.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => deleteOrder(selected, all), []);
  // The count at opening too: deleted rows leave the list (and the selection) while it runs.
  const [count] = useState(selected.length);
  const title = t('batch.delete.title', { count });
  return plan.ok ? (
    <ConfirmDelete title={title} steps={plan.steps} onClose={onClose} />
  ) : (
    <RefusedDelete title={title} refused={plan.refused} onClose={onClose} />
  );
}

function RefusedDelete({
  title,
  refused,
  onClose,
}: {
  title: string;
  refused: readonly RefusedHost[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();
  return (
    <Dialog
      role="alertdialog"
      title={title}
      onClose={onClose}
      initialFocusRef={closeRef}
      describedBy={descriptionId}
    >
      <div id={descriptionId}>
        <Alert tone="warning" title={t('batch.delete.refusedTitle')}>
          <ul className="bulk-delete-refused">
            {refused.map(({ host, remaining }) => (
              <li key={host}>
                {t('batch.delete.refusedHost', { host, count: remaining.length })}{' '}
                {remaining.map((name, index) => (
                  <span key={name}>
                    {index > 0 ? ', ' : null}
                    <code>{name}</code>
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <p>{t('batch.delete.refusedHelp')}</p>
        </Alert>
      </div>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function ConfirmDelete({
  title,
  steps,
  onClose,
}: {
  title: string;
  steps: Parameters<typeof useBulkDelete>[0];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const descriptionId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const run = useBulkDelete(steps);
  const count = steps.length;
  const matches = typed.trim() === String(count);

  // When the batch ends its buttons change: focus goes to Close, not to the page's body. A layout
  // effect moves it in the same commit, so no frame (and no test's check) sees it on the body.
  useLayoutEffect(() => {
    if (run.phase === 'done') closeRef.current?.focus();
  }, [run.phase]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (matches && run.phase === 'confirm') run.start();
  };
  const tally = (result: string) => run.outcomes.filter((o) => o.result === result).length;

  return (
    <Dialog
      role="alertdialog"
      title={title}
      onClose={() => run.phase !== 'running' && onClose()}
      initialFocusRef={inputRef}
      describedBy={descriptionId}
    >
      <form onSubmit={submit} noValidate>
        <p id={descriptionId}>{t('batch.delete.explanation', { count })}</p>
        <BulkDeleteTable steps={steps} progress={run.progress} />
        <p className="bulk-delete-status" role="status">
          {run.phase === 'done'
            ? t('batch.delete.finished', {
                deleted: tally('done'),
                failed: tally('failed'),
                skipped: tally('skipped'),
              })
            : run.phase === 'running'
              ? t('batch.delete.running')
              : null}
        </p>
        {run.phase === 'done' ? null : (
          <div className="field">
            <label htmlFor={inputId}>{t('batch.delete.confirmLabel', { count })}</label>
            <input
              ref={inputRef}
              id={inputId}
              className="input bulk-delete-count"
              inputMode="numeric"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              readOnly={run.phase === 'running'}
              autoComplete="off"
              aria-invalid={typed !== '' && !matches}
            />
          </div>
        )}
        <div className="dialog-actions">
          {run.phase === 'done' ? (
            <button ref={closeRef} type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button"
                onClick={onClose}
                disabled={run.phase === 'running'}
              >
                {t('common.cancel')}
              </button>
              {/* Focusable while it runs (aria-disabled): pressed from the keyboard, it keeps
                  focus until Close takes it, instead of dropping it to the page's body. */}
              <button
                type="submit"
                className="button button-danger"
                disabled={!matches}
                aria-disabled={run.phase === 'running' || undefined}
              >
                {run.phase === 'running'
                  ? t('batch.delete.deleting')
                  : t('batch.delete.confirm', { count })}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
