import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/get-session';
import { useSignOut } from '../api/sign-out';
import { signInPath } from '../../../lib/return-to';
import './user-menu.css';

function initials(user: SessionUser): string {
  const source = user.name || user.username;
  return source.slice(0, 1).toUpperCase();
}

export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  // The avatar lives on GitLab's origin; if it cannot load (CSP, offline), show the initial.
  const [avatarFailed, setAvatarFailed] = useState(false);
  const signOut = useSignOut(() =>
    window.location.assign(signInPath('/clusters', { signedOut: '1' })),
  );
  return (
    <div className="user-menu">
      {user.avatar_url && !avatarFailed ? (
        <img
          className="avatar"
          src={user.avatar_url}
          alt=""
          width={28}
          height={28}
          referrerPolicy="no-referrer"
          onError={() => setAvatarFailed(true)}
        />
      ) : (
        <span className="avatar avatar-fallback" aria-hidden="true">
          {initials(user)}
        </span>
      )}
      <span className="user-name" title={user.email || user.username}>
        {user.name || user.username}
      </span>
      <button
        type="button"
        className="button button-ghost button-small"
        onClick={signOut.signOut}
        disabled={signOut.isPending}
      >
        {signOut.isPending ? t('header.signingOut') : t('header.signOut')}
      </button>
      {signOut.error ? (
        <span className="sr-alert" role="alert">
          {signOut.error.message}
        </span>
      ) : null}
    </div>
  );
}
