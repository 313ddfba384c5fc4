import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page fails to load (for example a chunk went missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main className="app-main narrow" id="main">
      <h1>{t('routeError.title')}</h1>
      <p role="alert">{message}</p>
      <p className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {t('routeError.reload')}
        </button>
        <Link className="button" to="/clusters">
          {t('routeError.toClusters')}
        </Link>
      </p>
    </main>
  );
}
