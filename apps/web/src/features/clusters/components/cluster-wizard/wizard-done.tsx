import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Profile } from './wizard-form';
import { SaveProgress } from '../../../cluster-status';
import { clusterPath } from '../../lib/cluster-paths';
import './wizard-done.css';

export interface SavedCluster {
  name: string;
  profile: Profile;
  workerType: string;
  updated: boolean;
  message: string;
  /** When the save answered: the live progress counts from here. */
  savedAt: string;
}

/** What the tenant management cluster installs on each kind of cluster after it syncs the repo. */
export function componentsFor(profile: Profile, workerType: string): string[] {
  if (profile === 'physical-host') return ['traefik'];
  const components = ['argocd'];
  if (workerType === 'pipeline') components.push('tekton');
  components.push('externalSecrets', 'hnc', 'vaultAgent');
  return components;
}

export function WizardDone({ saved, onAnother }: { saved: SavedCluster; onAnother: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // In the commit that shows it, so the focus never rests on the body in between.
  useLayoutEffect(() => headingRef.current?.focus(), []);
  const href = clusterPath(saved.name);
  return (
    <section className="card done-card" aria-labelledby="done-title">
      <h2 id="done-title" ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true" className="done-mark">
          ✓
        </span>{' '}
        {saved.updated
          ? t('wizard.done.updated', { name: saved.name })
          : t('wizard.done.saved', { name: saved.name })}
      </h2>
      <p className="muted" role="status">
        {saved.message}
      </p>
      <SaveProgress name={saved.name} savedAt={saved.savedAt} />
      <h3>{t('wizard.done.nextTitle')}</h3>
      <ol className="next-steps">
        <li>{t('wizard.done.commit', { name: saved.name })}</li>
        <li>{t('wizard.done.sync', { name: saved.name })}</li>
        <li>
          {t('wizard.done.installs')}
          <ul className="component-list">
            {componentsFor(saved.profile, saved.workerType).map((component) => (
              <li key={component}>{t(`wizard.done.components.${component}`)}</li>
            ))}
          </ul>
        </li>
      </ol>
      <p className="actions">
        <Link className="button button-primary" to={href}>
          {t('wizard.done.view', { name: saved.name })}
        </Link>
        <button type="button" className="button" onClick={onAnother}>
          {t('wizard.done.another')}
        </button>
        <Link className="button button-ghost" to="/clusters">
          {t('wizard.done.toList')}
        </Link>
      </p>
    </section>
  );
}
