import { NAUTES_API_VERSIONS, type NautesApiVersion } from '@cluster-console/shared';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../components/ui/alert';
import type { WizardGeneration } from './wizard-generation';
import './choice.css';

/**
 * Shown when the console cannot tell which Nautes API generation the server speaks: the BFF's
 * reason, and a choice the user must make before saving.
 */
export function GenerationChoice({ generation }: { generation: WizardGeneration }) {
  const { t } = useTranslation();
  if (generation.status !== 'unknown') return null;
  const missing = generation.chosen === undefined;
  return (
    <fieldset
      className="fieldset"
      aria-describedby={`generation-reason${missing ? ' generation-required' : ''}`}
    >
      <legend>{t('wizard.generation.legend')}</legend>
      <div id="generation-reason">
        <Alert tone="warning" live={false} title={t('wizard.generation.unknownTitle')}>
          {generation.message ? <p>{generation.message}</p> : null}
          <p>{t('wizard.generation.unknownHint')}</p>
        </Alert>
      </div>
      <div className="choice-grid choice-grid-2">
        {NAUTES_API_VERSIONS.map((version: NautesApiVersion) => (
          <label key={version} className="choice-card">
            <input
              type="radio"
              name="nautes-api-generation"
              value={version}
              checked={generation.chosen === version}
              onChange={() => generation.choose(version)}
              aria-describedby={`generation-${version}-hint`}
            />
            <span className="choice-title">{version}</span>
            <span id={`generation-${version}-hint`} className="choice-hint">
              {t(`wizard.generation.hints.${version === 'v0.4' ? 'v04' : 'v03'}`)}
            </span>
          </label>
        ))}
      </div>
      {missing ? (
        <p id="generation-required" className="field-hint">
          {t('wizard.generation.required')}
        </p>
      ) : null}
    </fieldset>
  );
}
