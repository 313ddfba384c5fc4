import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { loginUrl } from '../../../lib/return-to';
import './sign-in-panel.css';

/** OAuth 2.0 error codes (RFC 6749 4.1.2.1) plus the BFF's own, each with a sentence a person can act on. */
const KNOWN_ERRORS = new Set([
  'access_denied',
  'invalid_request',
  'unauthorized_client',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'invalid_grant',
  'invalid_client',
  'state_mismatch',
  'login_failed',
]);

export interface SignInPanelProps {
  returnTo: string;
  error?: string | null;
  signedOut?: boolean;
}

export function SignInPanel({ returnTo, error, signedOut }: SignInPanelProps) {
  const { t } = useTranslation();
  const href = loginUrl(returnTo);
  const code = error?.trim() ?? '';
  return (
    <section className="sign-in-card" aria-labelledby="sign-in-title">
      <div className="brand-mark brand-mark-large" aria-hidden="true" />
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.lead')}</p>
      {signedOut && !code ? (
        <Alert tone="success" live>
          {t('signIn.signedOut')}
        </Alert>
      ) : null}
      {code ? (
        <Alert tone="error" title={t('signIn.errorTitle')}>
          <p>{KNOWN_ERRORS.has(code) ? t(`signIn.errors.${code}`) : t('signIn.errors.unknown')}</p>
          <p className="muted small">{t('signIn.errorCode', { code })}</p>
        </Alert>
      ) : null}
      <a className="button button-primary button-large" href={href}>
        {code ? t('signIn.tryAgain') : t('signIn.button')}
      </a>
      <p className="muted small">{t('signIn.note')}</p>
    </section>
  );
}
