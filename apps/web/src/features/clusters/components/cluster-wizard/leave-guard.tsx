import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Dialog } from '../../../../components/ui/dialog';

/** Asks before leaving with unsaved input: in-app navigation (dialog) and tab close/reload (browser prompt). */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog role="alertdialog" title={t('wizard.leave.title')} onClose={() => blocker.reset()}>
      <p>{t('wizard.leave.body')}</p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={() => blocker.reset()}>
          {t('wizard.leave.stay')}
        </button>
        <button type="button" className="button button-danger" onClick={() => blocker.proceed()}>
          {t('wizard.leave.leave')}
        </button>
      </div>
    </Dialog>
  );
}
