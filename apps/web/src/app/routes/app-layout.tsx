import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { ThemeSwitch } from '../../components/ui/theme-switch';
import { Spinner } from '../../components/ui/spinner';
import { useSession } from '../../features/auth/api/get-session';
import { UserMenu } from '../../features/auth/components/user-menu';
import { useSessionEnded } from '../../lib/session-guard';
import './app-layout.css';
import './header-bar.css';

// Drawn only once a session ends: its code is not part of the first download.
const SessionEndedAlert = lazy(async () => ({
  default: (await import('../../features/auth/components/session-ended-alert')).SessionEndedAlert,
}));

/** The signed-in shell: header, skip link, page. Nothing renders before the session is known. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  // The session ended on a page that keeps the user's work: the page stays, with the alert.
  const ended = useSessionEnded();
  const location = useLocation();

  // Moving between pages puts keyboard and screen-reader users at the new page's content; the
  // first page keeps the browser's own start (so Tab reaches the skip link first).
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/clusters" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('header.navigation')} className="app-nav">
          <NavLink to="/clusters" end>
            {t('header.clusters')}
          </NavLink>
          <NavLink to="/clusters/new">{t('header.register')}</NavLink>
        </nav>
        <div className="header-end">
          <ThemeSwitch />
          <LanguageSwitch />
          {session.data ? <UserMenu user={session.data.user} /> : null}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Kept apart from the page below so that the page is never remounted by it. */}
        {ended ? (
          <Suspense fallback={<Spinner label={t('session.checking')} />}>
            <SessionEndedAlert />
          </Suspense>
        ) : null}
        {!ended && session.isPending ? (
          <Spinner label={t('session.checking')} />
        ) : !ended && session.isError ? (
          session.error.status === 401 ? (
            <Spinner label={t('session.redirecting')} />
          ) : (
            <Alert tone="error" title={t('session.failed')}>
              <p>{session.error.message}</p>
              <button type="button" className="button" onClick={() => void session.refetch()}>
                {t('common.retry')}
              </button>
            </Alert>
          )
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
