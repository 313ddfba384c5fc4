import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { ThemeSwitch } from '../../components/ui/theme-switch';
import { SignInPanel } from '../../features/auth/components/sign-in-panel';
import { safeReturnTo } from '../../lib/return-to';
import './header-bar.css';
import './sign-in.css';

export function SignInRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="sign-in-page">
      <header className="sign-in-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </span>
        <div className="header-end">
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="sign-in-main">
        <SignInPanel
          returnTo={safeReturnTo(params.get('returnTo'))}
          error={params.get('error')}
          signedOut={params.get('signedOut') === '1'}
        />
      </main>
    </div>
  );
}
