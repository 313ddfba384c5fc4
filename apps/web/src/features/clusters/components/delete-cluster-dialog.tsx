import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster } from '@cluster-console/shared';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { WithCode } from '../../../components/ui/with-code';
import { useDeleteCluster } from '../api/delete-cluster';
import './delete-cluster-dialog.css';

export interface DeleteClusterDialogProps {
  cluster: Cluster;
  /** Virtual clusters that name this one as their host: while any exist, deleting is refused. */
  virtualClusters: readonly string[];
  onClose: () => void;
  onDeleted: (name: string) => void;
  /** Shown at the top when the session ends (the page behind the dialog is inert). */
  sessionAlert?: ReactNode;
}

export function DeleteClusterDialog({
  cluster,
  virtualClusters,
  onClose,
  onDeleted,
  sessionAlert,
}: DeleteClusterDialogProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const descriptionId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const remove = useDeleteCluster();
  const blocked = virtualClusters.length > 0;
  const matches = typed.trim() === cluster.name;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!matches || blocked || remove.isPending) return;
    remove.mutate(cluster.name, { onSuccess: () => onDeleted(cluster.name) });
  };

  return (
    <Dialog
      role="alertdialog"
      title={t('delete.title', { name: cluster.name })}
      onClose={() => !remove.isPending && onClose()}
      initialFocusRef={blocked ? closeRef : inputRef}
      describedBy={descriptionId}
    >
      <form onSubmit={submit} noValidate>
        {sessionAlert}
        <div id={descriptionId}>
          <p>
            <WithCode text={t('delete.explanation', { name: cluster.name })} code={cluster.name} />
          </p>
          <ul className="plain-list muted">
            <li>{t('delete.effectRepo')}</li>
            <li>{t('delete.effectSecret')}</li>
            <li>{t('delete.effectCluster')}</li>
          </ul>
        </div>
        {blocked ? (
          <Alert tone="warning" title={t('delete.blockedTitle')}>
            <p>{t('delete.blocked', { name: cluster.name, count: virtualClusters.length })}</p>
            <ul className="name-list">
              {virtualClusters.map((name) => (
                <li key={name}>
                  <code>{name}</code>
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <div className="field">
            <label htmlFor={inputId}>
              <WithCode
                text={t('delete.confirmLabel', { name: cluster.name })}
                code={cluster.name}
              />
            </label>
            <input
              ref={inputRef}
              id={inputId}
              className="input"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-invalid={typed !== '' && !matches}
            />
          </div>
        )}
        {remove.isError && remove.error.status !== 401 ? (
          <Alert tone="error" title={t('delete.failed')}>
            <p>{remove.error.message}</p>
          </Alert>
        ) : null}
        <div className="dialog-actions">
          <button
            ref={closeRef}
            type="button"
            className="button"
            onClick={onClose}
            disabled={remove.isPending}
          >
            {blocked ? t('common.close') : t('common.cancel')}
          </button>
          {blocked ? null : (
            <button
              type="submit"
              className="button button-danger"
              disabled={!matches || remove.isPending}
            >
              {remove.isPending ? t('delete.deleting') : t('delete.confirm')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
