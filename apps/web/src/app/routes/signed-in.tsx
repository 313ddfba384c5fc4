import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { announceSignedIn } from '../../lib/signed-in-channel';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * Where the sign-in window lands (`/auth/login?returnTo=/signed-in`): it tells the console's
 * other windows, then closes. If the browser keeps it open, it says what to do.
 */
export function SignedInRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('session.signedIn.title'));
  useEffect(() => {
    announceSignedIn();
    window.close();
  }, []);
  return (
    <main id="main" className="app-main" tabIndex={-1}>
      <div className="page page-narrow">
        <h1>{t('session.signedIn.title')}</h1>
        <p>{t('session.signedIn.body')}</p>
        <p>
          <Link to="/clusters">{t('routeError.toClusters')}</Link>
        </p>
      </div>
    </main>
  );
}
