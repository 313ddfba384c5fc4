import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { useNotice } from '../../../components/ui/notice-provider';
import { sessionGuardOf, useSessionEnded } from '../../../lib/session-guard';
import { onSignedInElsewhere, SIGN_IN_AGAIN_URL } from '../../../lib/signed-in-channel';
import { sessionQueryOptions } from '../api/get-session';

type Phase = 'ended' | 'waiting' | 'blocked' | 'checking' | 'stillSignedOut';

/**
 * Shown while the session has ended on a page that keeps the user's work: the page stays as
 * it is, sign-in happens in another window, and once it says so (or the user asks) the session
 * is checked again; then the user saves as before. Nothing is stored anywhere.
 */
export function SessionEndedAlert({ focus = true }: { focus?: boolean }) {
  const { t } = useTranslation();
  const ended = useSessionEnded();
  const queryClient = useQueryClient();
  const { notify } = useNotice();
  const [phase, setPhase] = useState<Phase>('ended');
  const ref = useRef<HTMLDivElement>(null);

  const check = useCallback(async () => {
    setPhase('checking');
    const session = sessionQueryOptions();
    await queryClient.refetchQueries({ queryKey: session.queryKey, type: 'all' });
    if (queryClient.getQueryState(session.queryKey)?.status === 'success') {
      sessionGuardOf(queryClient).clear();
      setPhase('ended');
      notify(t('session.restored'));
      // Whatever failed while signed out is asked again (the form itself is untouched).
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== session.queryKey[0],
      });
    } else {
      setPhase('stillSignedOut');
    }
  }, [queryClient, notify, t]);

  useEffect(() => (ended ? onSignedInElsewhere(() => void check()) : undefined), [ended, check]);
  useEffect(() => {
    if (!ended || !focus) return;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus({ preventScroll: true });
  }, [ended, focus]);

  if (!ended) return null;

  const openSignIn = () => {
    const popup = window.open(
      SIGN_IN_AGAIN_URL,
      'cluster-console-sign-in',
      'popup,width=560,height=720',
    );
    setPhase(popup ? 'waiting' : 'blocked');
  };

  return (
    <div ref={ref} tabIndex={-1} className="focus-target session-ended">
      <Alert tone="warning" live title={t('session.ended.title')}>
        <p>{t('session.ended.body')}</p>
        {phase === 'waiting' || phase === 'checking' ? <p>{t('session.ended.waiting')}</p> : null}
        {phase === 'blocked' ? (
          <p>
            {t('session.ended.blocked')}{' '}
            <a href={SIGN_IN_AGAIN_URL} target="_blank" rel="noreferrer">
              {t('session.ended.newTab')}
            </a>
          </p>
        ) : null}
        {phase === 'stillSignedOut' ? <p>{t('session.ended.stillSignedOut')}</p> : null}
        <p className="actions">
          <button type="button" className="button button-primary" onClick={openSignIn}>
            {t('session.ended.signIn')}
          </button>
          {phase !== 'ended' ? (
            <button
              type="button"
              className="button"
              onClick={() => void check()}
              disabled={phase === 'checking'}
            >
              {phase === 'checking' ? t('session.checking') : t('session.ended.check')}
            </button>
          ) : null}
        </p>
      </Alert>
    </div>
  );
}
